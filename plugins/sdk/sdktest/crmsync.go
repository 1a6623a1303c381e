package sdktest

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// PullAll runs a CRM pull from cursor to its end and returns its batches.
func PullAll(t testing.TB, h *host.Plugin, ref host.Ref, cursor string, batchSize int) []sdk.ChangeBatch {
	t.Helper()
	var batches []sdk.ChangeBatch
	req := host.PullRequest{Ref: ref, Cursor: cursor, BatchSize: batchSize}
	if err := h.Pull(context.Background(), req, func(b sdk.ChangeBatch) error {
		batches = append(batches, b)
		return nil
	}); err != nil {
		t.Fatalf("sdktest: pull: %v", err)
	}
	return batches
}

// Push pushes changes and fails the test when the call as a whole fails;
// per-change outcomes are in the results.
func Push(t testing.TB, h *host.Plugin, ref host.Ref, changes ...sdk.Change) []sdk.PushResult {
	t.Helper()
	results, err := h.Push(context.Background(), ref, changes)
	if err != nil {
		t.Fatalf("sdktest: push: %v", err)
	}
	return results
}
