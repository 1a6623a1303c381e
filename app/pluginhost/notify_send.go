package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// Send hands one message to a notifier instance; m.Key is the message's
// idempotency key, the same on every try. A failure is a *host.CallError
// (host.Retryable says whether to try again), or wraps ErrChannelUnusable
// when the plugin cannot serve at all.
func (h *Host) Send(ctx context.Context, instanceID int64, m sdk.Message) (sdk.Receipt, error) {
	pl, ref, _, err := h.notifier(ctx, instanceID)
	if err != nil {
		return sdk.Receipt{}, err
	}
	return pl.Send(ctx, host.SendRequest{Ref: ref, Key: m.Key, AddressKind: m.AddressKind, Address: m.Address,
		Text: m.Text, Link: m.Link, Locale: m.Locale})
}

// ValidateAddress asks a notifier instance whether it can deliver to an
// address of a kind, and how it writes it. Nobody is contacted.
func (h *Host) ValidateAddress(ctx context.Context, instanceID int64, kind, address string) (host.AddressCheck, error) {
	pl, ref, _, err := h.notifier(ctx, instanceID)
	if err != nil {
		return host.AddressCheck{}, err
	}
	return pl.ValidateAddress(ctx, ref, kind, address)
}

// SendTest sends an admin's test message through an instance to an
// address they typed, and records how it went in the instance's activity.
// key must be new for every test.
func (h *Host) SendTest(ctx context.Context, instanceID int64, key, kind, address, text string) (sdk.Receipt, error) {
	pl, ref, in, err := h.notifier(ctx, instanceID)
	if err != nil {
		return sdk.Receipt{}, err
	}
	r, err := pl.Send(ctx, host.SendRequest{Ref: ref, Key: key, AddressKind: kind, Address: address, Text: text})
	msg := fmt.Sprintf("Test message to %s accepted (%s)", address, r.ProviderID)
	if err != nil {
		msg = fmt.Sprintf("Test message to %s failed: %s", address, err)
	}
	h.record(in.PluginID, in.ID, "test", err == nil, msg, "")
	return r, err
}

// Retryable says whether a failed Send may succeed when sent again with
// the same key, and the least wait the channel asked for.
func Retryable(err error) (bool, time.Duration) { return host.Retryable(err) }

// Refused says whether a failed Send is the channel's final word on the
// message: permanent, an invalid address, or a text too long. Anything
// else (a plugin crashing, restarting or misconfigured) may pass.
func Refused(err error) bool {
	var ce *host.CallError
	if !errors.As(err, &ce) {
		return false
	}
	return ce.Kind == sdk.ErrPermanent || ce.Kind == sdk.ErrInvalidAddress || ce.Kind == sdk.ErrTooLong
}

// Reason says a failed Send as a person reads it: the channel's kind of
// failure and its message.
func Reason(err error) string {
	var ce *host.CallError
	if errors.As(err, &ce) && ce.Kind != "" {
		return string(ce.Kind) + ": " + ce.Message
	}
	return err.Error()
}

// DeliveryReports reads a notifier instance's delivery reports into
// consume until ctx ends, the plugin ends the stream (a restart does) or
// consume fails.
func (h *Host) DeliveryReports(ctx context.Context, instanceID int64, consume func(sdk.DeliveryReport) error) error {
	pl, ref, _, err := h.notifier(ctx, instanceID)
	if err != nil {
		return err
	}
	return pl.DeliveryReports(ctx, ref, consume)
}
