package pluginhost

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// DescribeRemote asks a CRM sync connector's instance what it syncs: its
// object types and their remote fields, for the field mapping.
func (h *Host) DescribeRemote(ctx context.Context, instanceID int64) (sdk.RemoteSchema, error) {
	pl, ref, err := h.use(ctx, instanceID)
	if err != nil {
		return sdk.RemoteSchema{}, err
	}
	return pl.DescribeRemote(ctx, ref)
}

// Pull streams an instance's remote changes since cursor into consume,
// batch by batch. A cursor the remote refuses fails with the kind
// sdk.ErrInvalidCursor; an error from consume ends the pull as is.
func (h *Host) Pull(ctx context.Context, instanceID int64, cursor string, consume func(sdk.ChangeBatch) error) error {
	pl, ref, err := h.use(ctx, instanceID)
	if err != nil {
		return err
	}
	n := 0
	err = pl.Pull(ctx, host.PullRequest{Ref: ref, Cursor: cursor, BatchSize: 200}, func(b sdk.ChangeBatch) error {
		n += len(b.Changes)
		return consume(b)
	})
	if err != nil && ctx.Err() == nil {
		h.record(pl.Manifest().ID, instanceID, "pull", false, fmt.Sprintf("Pull: %d changes read, then it failed: %v.", n, err), pl.StderrTail())
	}
	return err
}

// Push writes local changes through an instance and returns one result
// per change, in order.
func (h *Host) Push(ctx context.Context, instanceID int64, changes []sdk.Change) ([]sdk.PushResult, error) {
	pl, ref, err := h.use(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	return pl.Push(ctx, ref, changes)
}

// Lookup finds an instance's remote records matching each query, for a
// first sync; it fails for connectors that cannot search.
func (h *Host) Lookup(ctx context.Context, instanceID int64, queries []sdk.LookupQuery) ([][]sdk.Change, error) {
	pl, ref, err := h.use(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	return pl.Lookup(ctx, ref, queries)
}

// use returns the running plugin of an instance, configured.
func (h *Host) use(ctx context.Context, instanceID int64) (*host.Plugin, host.Ref, error) {
	in, err := h.opt.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return nil, host.Ref{}, err
	}
	return h.configured(ctx, in)
}
