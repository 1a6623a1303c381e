package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// ImportRequest starts or resumes an import.
type ImportRequest struct {
	Ref    Ref
	Cursor string
	// BatchSize is a hint; 0 lets the plugin choose.
	BatchSize int
}

// Import streams an instance's records into consume, batch by batch. The
// plugin waits while consume works (gRPC flow control), so consume may
// store each batch before returning; storing the batch's cursor with it
// lets a later Import resume there. An error from consume cancels the
// stream and is returned as is.
func (p *Plugin) Import(ctx context.Context, req ImportRequest, consume func(sdk.Batch) error) error {
	if p.clients.Importer == nil || !p.hasKind(sdk.KindImporter) {
		return fmt.Errorf("plugin %s is no importer", p.manifest.Label())
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := p.clients.Importer.Import(ctx, &pluginv1.ImportRequest{Instance: req.Ref.proto(),
		Cursor: req.Cursor, BatchSizeHint: uint32(req.BatchSize)})
	if err != nil {
		return p.callError("Import", err, nil)
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
			return p.streamError(timedOut.Load(), err, stream.Trailer())
		}
		watch.Stop()
		if err := consume(sdk.BatchFromProto(batch)); err != nil {
			return err
		}
		watch.Reset(p.cfg.BatchTimeout)
	}
}

// streamError reports a stream that the batch deadline cut as a deadline,
// not as a cancellation.
func (p *Plugin) streamError(timedOut bool, err error, trailer metadata.MD) error {
	e := p.callError("Import", err, trailer)
	if ce, ok := e.(*CallError); ok && timedOut {
		ce.Code = codes.DeadlineExceeded
		ce.Message = fmt.Sprintf("no batch within %s", p.cfg.BatchTimeout)
	}
	return e
}

func (p *Plugin) hasKind(k sdk.Kind) bool {
	for _, have := range p.info.Kinds {
		if have == k {
			return true
		}
	}
	return false
}
