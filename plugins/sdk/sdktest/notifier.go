package sdktest

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// Send sends one message and fails the test unless the channel accepts it.
func Send(t testing.TB, h *host.Plugin, req host.SendRequest) sdk.Receipt {
	t.Helper()
	r, err := h.Send(context.Background(), req)
	if err != nil {
		t.Fatalf("sdktest: send %s to %s: %v", req.Key, req.Address, err)
	}
	return r
}

// SendError sends one message and returns the kind of its failure, failing
// the test when the channel accepts it.
func SendError(t testing.TB, h *host.Plugin, req host.SendRequest) *host.CallError {
	t.Helper()
	_, err := h.Send(context.Background(), req)
	ce, ok := err.(*host.CallError)
	if !ok {
		t.Fatalf("sdktest: send %s to %s: want a plugin error, got %v", req.Key, req.Address, err)
	}
	return ce
}

// Validate checks an address and fails the test on a call error.
func Validate(t testing.TB, h *host.Plugin, ref host.Ref, kind, address string) host.AddressCheck {
	t.Helper()
	c, err := h.ValidateAddress(context.Background(), ref, kind, address)
	if err != nil {
		t.Fatalf("sdktest: validate %q: %v", address, err)
	}
	return c
}
