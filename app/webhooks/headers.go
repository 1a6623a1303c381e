package webhooks

import (
	"net/http"
	"sort"
	"strings"
	"unicode/utf8"
)

// maskDots stand for a custom header's value wherever it is shown or
// logged: such values are often credentials (Authorization: Bearer ...).
const maskDots = "••••••"

// Masked is how a custom header's value is shown: dots, followed by the
// last four characters of a long value, so an admin can tell which token
// is set without the page or the log holding enough of it to be used.
func Masked(v string) string {
	if utf8.RuneCountInString(v) < 20 {
		return maskDots
	}
	r := []rune(v)
	return maskDots + string(r[len(r)-4:])
}

// loggedHeaders is what the delivery log keeps of a request's headers:
// Portico's own as sent, and the endpoint's custom ones masked, so a
// credential never sits in the log.
func loggedHeaders(sent, custom map[string]string) map[string]string {
	out := make(map[string]string, len(sent))
	for k, v := range sent {
		out[k] = v
	}
	for k, v := range custom {
		if ck := http.CanonicalHeaderKey(k); out[ck] == v {
			out[ck] = Masked(v)
		}
	}
	return out
}

// HeadersText writes an endpoint's header names as the "Name:" lines the
// edit form shows, sorted. The values stay hidden: an empty value keeps
// the current one when the form is saved (see keepValues).
func HeadersText(h map[string]string) string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		b.WriteString(k + ":\n")
	}
	return b.String()
}

// keepValues gives each header saved with an empty value the value the
// endpoint has for it now, so an edit need not know (or show) the values
// it keeps. A header with a new name and no value stays empty.
func keepValues(next, current map[string]string) {
	for name, v := range next {
		if v != "" {
			continue
		}
		for cur, cv := range current {
			if strings.EqualFold(cur, name) {
				next[name] = cv
			}
		}
	}
}
