package conformance

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// garbage is no address on any channel.
const garbage = "<not an address>\x00;"

// notifier runs the checks of a notification channel: its declaration,
// address validation, a key sent twice accepted once, and classified
// errors. The sends need Options.Address, an address the channel accepts.
func (c *checker) notifier(r *Report, o Options) {
	info := c.p.Info().Notifier
	if !r.step("notifier info", func() error { return checkNotifierInfo(info) }) {
		return
	}
	kind := info.AddressKinds[0]
	r.step("address refused", func() error { return c.garbageRefused(kind) })
	if o.Address == "" {
		r.step("send once", func() error {
			return errors.New("needs an address the channel accepts (plugincheck -address)")
		})
		return
	}
	r.step("address accepted", func() error { return c.addressAccepted(kind, o.Address) })
	r.step("send once", func() error { return c.sendOnce(kind, o.Address) })
	r.step("send errors", func() error { return c.sendErrors(kind, o.Address, info.Limits) })
}

func checkNotifierInfo(n *sdk.NotifierInfo) error {
	switch {
	case n == nil || len(n.AddressKinds) == 0:
		return errors.New("GetInfo declares no address kinds (PluginInfo.notifier.address_kinds)")
	case n.Limits.MaxChars <= 0 && n.Limits.MaxSegments <= 0:
		return errors.New("GetInfo declares no message limit (max_chars or max_segments)")
	}
	return nil
}

func (c *checker) garbageRefused(kind string) error {
	v, err := c.p.ValidateAddress(context.Background(), c.ref(), kind, garbage)
	switch {
	case err != nil:
		return err
	case v.Valid:
		return fmt.Errorf("ValidateAddress accepts %q as %q", garbage, v.Normalized)
	case strings.TrimSpace(v.Reason) == "":
		return errors.New("ValidateAddress refuses garbage without a reason")
	}
	return nil
}

func (c *checker) addressAccepted(kind, address string) error {
	v, err := c.p.ValidateAddress(context.Background(), c.ref(), kind, address)
	if err == nil && !v.Valid {
		err = fmt.Errorf("ValidateAddress refuses %q: %s", address, v.Reason)
	}
	return err
}

// sendOnce sends one key twice and expects the second answer to be the
// first's, marked as a duplicate.
func (c *checker) sendOnce(kind, address string) error {
	req := host.SendRequest{Ref: c.ref(), Key: fmt.Sprintf("conformance-%d", time.Now().UnixNano()),
		AddressKind: kind, Address: address, Text: "Portico conformance check", Link: "https://portico.example/check"}
	first, err := c.p.Send(context.Background(), req)
	if err != nil {
		return err
	}
	again, err := c.p.Send(context.Background(), req)
	switch {
	case err != nil:
		return fmt.Errorf("the same key again: %w", err)
	case first.Duplicate:
		return errors.New("a new key is answered as a duplicate")
	case !again.Duplicate || again.ProviderID != first.ProviderID:
		return fmt.Errorf("the same key twice gave %+v, then %+v: want the first receipt again, as a duplicate", first, again)
	}
	return nil
}

// sendErrors expects a garbage address and a text over the limit to fail
// with their kinds.
func (c *checker) sendErrors(kind, address string, l sdk.MessageLimits) error {
	req := host.SendRequest{Ref: c.ref(), Key: fmt.Sprintf("conformance-bad-%d", time.Now().UnixNano()),
		AddressKind: kind, Address: garbage, Text: "Portico conformance check"}
	_, err := c.p.Send(context.Background(), req)
	if err := wantKind(err, sdk.ErrInvalidAddress); err != nil {
		return fmt.Errorf("send to %q: %w", garbage, err)
	}
	req.Key, req.Address, req.Text = req.Key+"-long", address, overLimit(l)
	_, err = c.p.Send(context.Background(), req)
	if err := wantKind(err, sdk.ErrTooLong); err != nil {
		return fmt.Errorf("send of %d characters: %w", len([]rune(req.Text)), err)
	}
	return nil
}

// overLimit is a text one character longer than the limits allow.
func overLimit(l sdk.MessageLimits) string {
	n := l.MaxChars
	if l.MaxSegments > 0 {
		per := max(l.MultipartSegmentChars, l.SegmentChars, 1)
		n = max(n, l.MaxSegments*per)
	}
	return strings.Repeat("x", n+1)
}
