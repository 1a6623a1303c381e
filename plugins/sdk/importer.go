package sdk

import (
	"context"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

// Importer is implemented by the instances of an importer plugin.
type Importer interface {
	// Import sends batches from req.Cursor on, each with the cursor that
	// resumes right after it, and returns nil when everything was sent.
	// Send blocks while the host is busy: that is the backpressure.
	Import(ctx context.Context, req ImportRequest, w *BatchWriter) error
}

// ImportRequest says where an import resumes.
type ImportRequest struct {
	// Cursor is the last batch's cursor the host stored, or empty to start
	// from the beginning.
	Cursor string
	// BatchSize is how many records per batch the host would like.
	BatchSize int
}

// BatchWriter sends batches to the host.
type BatchWriter struct {
	send func(*pluginv1.ImportBatch) error
}

// Send hands one batch to the host. It fails when the host went away or
// cancelled the import; the importer should then return that error.
func (w *BatchWriter) Send(b Batch) error {
	return w.send(BatchToProto(b))
}
