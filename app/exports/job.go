package exports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

type payload struct {
	ExportID int64 `json:"export_id"`
}

// Register makes the runner write exports.
func Register(r *jobs.Runner, d Deps) { r.Handle(JobKind, d.handle) }

// handle writes an export's file from its first row; a run interrupted
// by a crash starts again from scratch, into a fresh partial file.
func (d Deps) handle(ctx context.Context, t *jobs.Task) error {
	var p payload
	if err := json.Unmarshal([]byte(t.Job.Payload), &p); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("exports: payload of job %d: %w", t.Job.ID, err)}
	}
	e, err := d.Store.Export(ctx, p.ExportID)
	if err != nil || e.Finished() {
		return err
	}
	err = d.run(ctx, e)
	var ve *model.ValidationError
	switch {
	case err == nil || ctx.Err() != nil:
		return err
	case errors.As(err, &ve):
		return errors.Join(jobs.Permanent{Err: err}, d.Store.FailExport(context.WithoutCancel(ctx), e.ID, err.Error()))
	case t.Job.Attempts >= t.Job.MaxAttempts:
		d.Store.FailExport(context.WithoutCancel(ctx), e.ID, "The file could not be written; try again, or ask an admin to check the server's log.")
	}
	return err
}

// run writes the file next to its final name, moves it there when it is
// complete, and records it with the email to its agent.
func (d Deps) run(ctx context.Context, e *model.Export) error {
	dir := filepath.Join(d.FilesDir, "exports")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("exports: create %s: %w", dir, err)
	}
	path := filepath.Join(dir, fmt.Sprintf("%d.%s", e.ID, e.Format))
	part := path + ".part"
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return fmt.Errorf("exports: create %s: %w", part, err)
	}
	defer os.Remove(part)
	if err := d.Store.BeginExport(ctx, e.ID, 0); err != nil {
		f.Close()
		return err
	}
	n, err := d.write(ctx, e, f, d.progress(ctx, e.ID))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, path)
	}
	if err != nil {
		return err
	}
	return d.finish(ctx, e, path, n)
}

func specOf(e *model.Export) Spec {
	return Spec{Format: e.Format, Fields: e.Fields, Query: e.Query, BOM: e.BOM, Neutralise: e.Neutralise}
}

// progress records rows written at most twice a second, which is as
// often as the export's page looks.
func (d Deps) progress(ctx context.Context, id int64) Progress {
	var last time.Time
	began := false
	return func(done, total int) {
		if !began {
			began = d.Store.BeginExport(ctx, id, total) == nil
		}
		if time.Since(last) < 500*time.Millisecond {
			return
		}
		last = time.Now()
		if err := d.Store.SetExportProgress(ctx, id, done); err != nil {
			d.Log.Warn("exports: record progress", "export", id, "err", err)
		}
	}
}
