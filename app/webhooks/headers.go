package webhooks

import (
	"sort"
	"strings"
)

// HeadersText writes an endpoint's headers as the "Name: value" lines an
// edit form shows, sorted by name.
func HeadersText(h map[string]string) string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		b.WriteString(k + ": " + h[k] + "\n")
	}
	return b.String()
}
