package imports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/portico-hub/portico/app/model"
)

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("imports: open %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return fmt.Errorf("imports: create %s: %w", dst, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("imports: copy to %s: %w", dst, err)
	}
	return out.Close()
}

// busy returns a *BusyError when a real import runs or waits.
func busy(ctx context.Context, d Deps) error {
	j, err := d.Store.ActiveJob(ctx, Singleton)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	be := &BusyError{Live: j.State == model.JobRunning && j.LeaseUntil != nil && j.LeaseUntil.After(d.Store.Now())}
	if im, err := d.Store.ImportOfJob(ctx, j.ID); err == nil {
		be.ImportID, be.Filename = im.ID, im.Filename
	}
	return be
}

// Cancel stops an import: at once when it waits or its worker is gone,
// at its next batch when it runs. Only admins and the agent who started
// it may cancel it.
func Cancel(ctx context.Context, d Deps, actor *model.Agent, id int64) error {
	im, err := d.Store.Import(ctx, id)
	if err != nil {
		return err
	}
	if actor != nil && !MaySee(actor, im) {
		return model.ErrForbidden
	}
	if im.State.Finished() || im.JobID == 0 {
		return nil
	}
	if err := d.Store.CancelJob(ctx, im.JobID); err != nil {
		return err
	}
	j, err := d.Store.Job(ctx, im.JobID)
	if err != nil || j.State != model.JobCancelled {
		return err
	}
	return d.finishCancelled(ctx, im)
}

// finishCancelled records an import as cancelled. One cancelled before
// its run counted its file's rows counts them now: its page and the
// history then say how many rows were not imported, not "0 of 0".
func (d Deps) finishCancelled(ctx context.Context, im *model.Import) error {
	if im.RowsTotal == 0 && !im.DryRun {
		total, err := d.count(im, nil)
		if err == nil {
			err = d.Store.CountImport(ctx, im.ID, total)
		}
		if err != nil {
			d.Log.Warn("counting the rows of a cancelled import", "import", im.ID, "err", err)
		}
	}
	return d.Store.FinishImport(ctx, im.ID, model.JobCancelled, "")
}

// Get returns an import, its state taken from its job when the job ended
// without the import hearing of it (it failed its last attempt).
func Get(ctx context.Context, d Deps, id int64) (*model.Import, error) {
	im, err := d.Store.Import(ctx, id)
	if err != nil || im.State.Finished() || im.JobID == 0 {
		return im, err
	}
	if j, err := d.Store.Job(ctx, im.JobID); err == nil && j.State.Finished() {
		// The job may have finished after im was read: read the import
		// again, since its last batches committed before the job ended.
		if im, err = d.Store.Import(ctx, id); err != nil || im.State.Finished() {
			return im, err
		}
		im.State, im.Error, im.FinishedAt = j.State, j.Error, j.FinishedAt
	} else if err == nil && j.State == model.JobRunning && im.State == model.JobQueued {
		im.State = model.JobRunning
	}
	return im, nil
}
