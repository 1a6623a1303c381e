package pluginhost

import (
	"errors"
	"slices"
	"strings"

	"github.com/portico-hub/portico/plugins/sdk/host"
)

// AddressKinds lists the address kinds the usable channels handle, each
// once, in the order the channels come.
func AddressKinds(chs []Channel) []string {
	var out []string
	for _, c := range chs {
		for _, k := range c.AddressKinds {
			if c.Usable && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// Refusal reads a failed send as the channel's error kind, in words, and
// its message.
func Refusal(err error) (kind, message string) {
	var ce *host.CallError
	if errors.As(err, &ce) && ce.Kind != "" {
		return strings.ReplaceAll(string(ce.Kind), "_", " "), ce.Message
	}
	if errors.Is(err, ErrChannelUnusable) {
		return "channel unavailable", err.Error()
	}
	return "not sent", err.Error()
}
