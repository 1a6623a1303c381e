package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// PullRequest starts or resumes a CRM pull.
type PullRequest struct {
	Ref Ref
	// Cursor is the last stored batch's cursor; empty pulls everything.
	Cursor string
	// BatchSize is a hint; 0 lets the plugin choose.
	BatchSize int
}

// DescribeRemote asks a CRM connector for its object types and fields.
func (p *Plugin) DescribeRemote(ctx context.Context, ref Ref) (sdk.RemoteSchema, error) {
	var schema sdk.RemoteSchema
	if err := p.needCRM(); err != nil {
		return schema, err
	}
	err := p.unary(ctx, "DescribeRemote", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.CRMSync.DescribeRemote(ctx, &pluginv1.DescribeRemoteRequest{Instance: ref.proto()}, opt)
		if err == nil {
			schema = sdk.SchemaFromProto(resp)
		}
		return err
	})
	return schema, err
}

// Pull streams remote changes into consume, batch by batch, like Import:
// the plugin waits while consume stores a batch with its cursor, and an
// error from consume cancels the pull and is returned as is. A cursor the
// remote refuses fails with the kind sdk.ErrInvalidCursor: pull again
// without one.
func (p *Plugin) Pull(ctx context.Context, req PullRequest, consume func(sdk.ChangeBatch) error) error {
	if err := p.needCRM(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := p.clients.CRMSync.Pull(ctx, &pluginv1.PullRequest{Instance: req.Ref.proto(),
		Cursor: req.Cursor, BatchSizeHint: uint32(req.BatchSize)})
	if err != nil {
		return p.callError("Pull", err, nil)
	}
	var timedOut atomic.Bool
	watch := time.AfterFunc(p.cfg.BatchTimeout, func() { timedOut.Store(true); cancel() })
	defer watch.Stop()
	for {
		batch, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			e := p.callError("Pull", err, stream.Trailer())
			if ce, ok := e.(*CallError); ok && timedOut.Load() {
				ce.Code, ce.Message = codes.DeadlineExceeded, fmt.Sprintf("no batch within %s", p.cfg.BatchTimeout)
			}
			return e
		}
		watch.Stop()
		if err := consume(sdk.ChangeBatchFromProto(batch)); err != nil {
			return err
		}
		watch.Reset(p.cfg.BatchTimeout)
	}
}

// Push applies local changes remotely and returns one result per change.
// Each change carries its idempotency key and, for updates and deletes, the
// remote version the host last saw. A whole-call error means none of the
// results is known: retrying the same changes is safe.
func (p *Plugin) Push(ctx context.Context, ref Ref, changes []sdk.Change) ([]sdk.PushResult, error) {
	if err := p.needCRM(); err != nil {
		return nil, err
	}
	req := &pluginv1.PushRequest{Instance: ref.proto(), Changes: make([]*pluginv1.Change, len(changes))}
	for i, c := range changes {
		req.Changes[i] = sdk.ChangeToProto(c)
	}
	var results []sdk.PushResult
	err := p.unary(ctx, "Push", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.CRMSync.Push(ctx, req, opt)
		if err != nil {
			return err
		}
		for _, r := range resp.GetResults() {
			results = append(results, sdk.PushResultFromProto(r))
		}
		return nil
	})
	if err == nil && len(results) != len(changes) {
		err = fmt.Errorf("plugin %s: Push answered %d results for %d changes", p.manifest.Label(), len(results), len(changes))
	}
	return results, err
}

// Lookup finds remote records matching each query, for linking records on
// a first sync; only for connectors announcing sdk.CapCRMLookup.
func (p *Plugin) Lookup(ctx context.Context, ref Ref, queries []sdk.LookupQuery) ([][]sdk.Change, error) {
	if err := p.needCRM(); err != nil {
		return nil, err
	}
	if !slices.Contains(p.info.Capabilities, sdk.CapCRMLookup) {
		return nil, fmt.Errorf("plugin %s does not announce %s", p.manifest.Label(), sdk.CapCRMLookup)
	}
	req := &pluginv1.LookupRequest{Instance: ref.proto()}
	for _, q := range queries {
		req.Queries = append(req.Queries, sdk.LookupQueryToProto(q))
	}
	var found [][]sdk.Change
	err := p.unary(ctx, "Lookup", func(ctx context.Context, opt grpc.CallOption) error {
		resp, err := p.clients.CRMSync.Lookup(ctx, req, opt)
		if err != nil {
			return err
		}
		for _, r := range resp.GetResults() {
			var matches []sdk.Change
			for _, m := range r.GetMatches() {
				matches = append(matches, sdk.ChangeFromProto(m))
			}
			found = append(found, matches)
		}
		return nil
	})
	if err == nil && len(found) != len(queries) {
		err = fmt.Errorf("plugin %s: Lookup answered %d results for %d queries", p.manifest.Label(), len(found), len(queries))
	}
	return found, err
}

func (p *Plugin) needCRM() error {
	if p.clients.CRMSync == nil || !p.hasKind(sdk.KindCRMSync) {
		return fmt.Errorf("plugin %s is no CRM sync connector", p.manifest.Label())
	}
	return nil
}
