package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
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

// checkLimit bounds how long a person waits for a channel to check an
// address; unchecked is what they read when it could not.
const (
	checkLimit = 15 * time.Second
	unchecked  = "The channel could not check this address just now. Try again in a minute; if it keeps failing, an admin can see why under Admin > Plugins."
)

// CheckAddress asks the first usable channel that handles kind whether it
// can deliver to address, and returns the address as the channel writes
// it. A refusal, or a channel that cannot answer, is a validation error
// on the field named kind that says why.
func (h *Host) CheckAddress(ctx context.Context, kind, address string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, checkLimit)
	defer cancel()
	chs, err := h.Channels(ctx)
	if err != nil {
		return "", err
	}
	for _, c := range chs {
		if c.Usable && slices.Contains(c.AddressKinds, kind) {
			check, err := h.ValidateAddress(ctx, c.InstanceID, kind, address)
			switch {
			case err != nil:
				h.record(c.PluginID, c.InstanceID, "validate", false, "Check address: "+err.Error(), "")
				return "", model.Invalid(kind, unchecked)
			case !check.Valid:
				return "", model.Invalid(kind, check.Reason)
			}
			return check.Normalized, nil
		}
	}
	return "", model.Invalid(kind, fmt.Sprintf("No channel handles %s addresses now: ask an admin to look at Admin > Plugins.", kind))
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
