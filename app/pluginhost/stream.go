package pluginhost

import (
	"context"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// unavailable is a plugin that cannot serve at all (not approved,
// disabled, changed, refused): an import from it fails rather than
// retries.
type unavailable struct{ err error }

func (u *unavailable) Error() string   { return u.err.Error() }
func (u *unavailable) Unwrap() error   { return u.err }
func (u *unavailable) Permanent() bool { return true }

// Stream imports an instance's records from cursor on, handing each
// batch to consume; it records how the import went in the instance's
// activity. A crash of the plugin ends it with the plugin's error (the
// caller resumes from its last stored cursor once the plugin restarted).
func (h *Host) Stream(ctx context.Context, instanceID int64, cursor string, consume func(sdk.Batch) error) error {
	in, err := h.opt.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return &unavailable{err}
	}
	pl, ref, err := h.configured(ctx, in)
	if err != nil {
		if h.gone(in.PluginID) {
			return &unavailable{err}
		}
		return err
	}
	n := 0
	err = pl.Import(ctx, host.ImportRequest{Ref: ref, Cursor: cursor, BatchSize: 500}, func(b sdk.Batch) error {
		n += len(b.Records)
		return consume(b)
	})
	if ctx.Err() == nil {
		msg := fmt.Sprintf("Import: %d records read", n)
		if err != nil {
			msg += ", then it failed: " + err.Error()
		}
		h.record(in.PluginID, in.ID, "import", err == nil, msg+".", pl.StderrTail())
	}
	if ctx.Err() == nil && status.Code(err) == codes.DeadlineExceeded {
		// A plugin that hangs would hang again from the same cursor: the
		// import stops, with what it committed, rather than retries.
		return &unavailable{err}
	}
	return err
}

// gone reports whether a plugin stopped for good rather than restarts.
func (h *Host) gone(id string) bool {
	p := h.proc(id)
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.supervising
}
