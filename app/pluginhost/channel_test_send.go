package pluginhost

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"

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

// TestResult is the channel's answer to a test message: accepted with its
// id and segments, or refused with the error kind and the reason.
type TestResult struct {
	OK         bool
	ProviderID string
	Segments   int
	Kind       string
	Message    string
}

// SendTest sends a test message through an instance and records the
// channel's answer in its activity. Each test has its own idempotency key,
// so a second test is sent again. The error is for a missing instance;
// the channel's refusals are in the result.
func (h *Host) SendTest(ctx context.Context, m TestMessage) (TestResult, error) {
	in, err := h.opt.Store.PluginInstance(ctx, m.InstanceID)
	if err != nil {
		return TestResult{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, checkLimit)
	defer cancel()
	pl, ref, err := h.configured(ctx, in)
	if err == nil {
		var r TestResult
		r, err = sendTest(ctx, pl, ref, m)
		if err == nil {
			h.record(in.PluginID, in.ID, "test_message", true, fmt.Sprintf("Test message to %s accepted (id %s, %d segments).",
				m.Address, r.ProviderID, r.Segments), "")
			return r, nil
		}
	}
	h.record(in.PluginID, in.ID, "test_message", false, "Test message to "+m.Address+": "+err.Error(), "")
	return refused(err), nil
}

func sendTest(ctx context.Context, pl *host.Plugin, ref host.Ref, m TestMessage) (TestResult, error) {
	r, err := pl.Send(ctx, host.SendRequest{Ref: ref, Key: "test-" + rand.Text(), AddressKind: m.AddressKind,
		Address: m.Address, Text: m.Text})
	return TestResult{OK: true, ProviderID: r.ProviderID, Segments: r.Segments}, err
}

// refused reads a failed send as the channel's error kind and message.
func refused(err error) TestResult {
	var ce *host.CallError
	if errors.As(err, &ce) && ce.Kind != "" {
		return TestResult{Kind: strings.ReplaceAll(string(ce.Kind), "_", " "), Message: ce.Message}
	}
	return TestResult{Kind: "not sent", Message: err.Error()}
}
