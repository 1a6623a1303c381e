package sdktest

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// Start serves p in this process and returns the host's handle on it. The
// plugin stops when the test ends. Options such as sdk.WithDataDir go to
// sdk.Serve.
func Start(t testing.TB, p sdk.Plugin, opts ...sdk.Option) *host.Plugin {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sdk.Serve(p, append(opts, sdk.WithDebug(ctx, func(r string) { reattach <- r }))...)
	}()
	var r string
	select {
	case r = <-reattach:
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("sdktest: the plugin did not start serving within 10s")
	}
	h, err := host.Attach(ctx, r, host.Config{CallTimeout: 10 * time.Second})
	if err != nil {
		cancel()
		t.Fatalf("sdktest: %v", err)
	}
	t.Cleanup(func() {
		h.Close()
		cancel()
		<-done
	})
	return h
}

// Configure configures one instance from a JSON configuration and fails the
// test on error. It returns the instance's reference for later calls.
func Configure(t testing.TB, h *host.Plugin, id, config string, secrets map[string]string) host.Ref {
	t.Helper()
	cfg := sdk.Config{InstanceID: id, Revision: 1, JSON: []byte(config), Secrets: secrets}
	if err := h.Configure(context.Background(), cfg); err != nil {
		t.Fatalf("sdktest: configure %s: %v", id, err)
	}
	return host.Ref{InstanceID: id, Revision: 1}
}

// ImportAll runs an import from cursor to its end and returns its batches.
func ImportAll(t testing.TB, h *host.Plugin, ref host.Ref, cursor string) []sdk.Batch {
	t.Helper()
	var batches []sdk.Batch
	err := h.Import(context.Background(), host.ImportRequest{Ref: ref, Cursor: cursor}, func(b sdk.Batch) error {
		batches = append(batches, b)
		return nil
	})
	if err != nil {
		t.Fatalf("sdktest: import: %v", err)
	}
	return batches
}
