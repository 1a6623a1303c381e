package pluginhost

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// TestMessage is an admin's test of a channel: sent now, through the
// plugin, outside the outbox.
type TestMessage struct {
	InstanceID  int64
	AddressKind string
	Address     string
	Text        string
}

// SendTest sends a test message through an instance and records the
// channel's answer in its activity. A refusal is a *host.CallError whose
// Kind says what the channel answered; each test has its own key, so a
// second test is sent again.
func (h *Host) SendTest(ctx context.Context, m TestMessage) (sdk.Receipt, error) {
	in, err := h.opt.Store.PluginInstance(ctx, m.InstanceID)
	if err != nil {
		return sdk.Receipt{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, checkLimit)
	defer cancel()
	pl, ref, err := h.configured(ctx, in)
	if err != nil {
		h.record(in.PluginID, in.ID, "test_message", false, "Test message: "+err.Error(), "")
		return sdk.Receipt{}, err
	}
	r, err := pl.Send(ctx, host.SendRequest{Ref: ref, Key: "test-" + rand.Text(), AddressKind: m.AddressKind,
		Address: m.Address, Text: m.Text})
	if err != nil {
		h.record(in.PluginID, in.ID, "test_message", false, "Test message to "+m.Address+": "+err.Error(), "")
		return r, err
	}
	msg := fmt.Sprintf("Test message to %s accepted (id %s, %d segments).", m.Address, r.ProviderID, r.Segments)
	h.record(in.PluginID, in.ID, "test_message", true, msg, "")
	return r, nil
}
