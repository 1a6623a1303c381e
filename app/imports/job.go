package imports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// JobKind is the kind of the jobs that run imports, and Singleton the
// key that lets only one real import run or wait at a time.
const (
	JobKind   = "import"
	Singleton = "import"
)

type payload struct {
	ImportID int64 `json:"import_id"`
}

// Register makes the runner run imports.
func Register(r *jobs.Runner, d Deps) { r.Handle(JobKind, d.handle) }

// handle runs an import's job to the end of its file, resuming after its
// checkpoint, and keeps the import's state in step with the job's.
func (d Deps) handle(ctx context.Context, t *jobs.Task) error {
	var p payload
	if err := json.Unmarshal([]byte(t.Job.Payload), &p); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("imports: payload of job %d: %w", t.Job.ID, err)}
	}
	im, err := d.Store.Import(ctx, p.ImportID)
	if err != nil {
		return err
	}
	if im.State.Finished() {
		return nil
	}
	save := func(pr Progress) error { return t.Save(ctx, pr.JSON(), strconv.Itoa(pr.LastRow)) }
	err = d.execute(ctx, im, save)
	return d.settle(ctx, t.Job.ID, im.ID, err)
}

// execute counts the file's rows on the first run, then applies them.
func (d Deps) execute(ctx context.Context, im *model.Import, save func(Progress) error) error {
	companies := Kind(im.Kind) == KindCompanies
	switch {
	case im.DryRun && companies:
		return d.dryRunCompanies(ctx, im, save)
	case im.DryRun:
		return d.dryRun(ctx, im, save)
	}
	if im.RowsTotal == 0 && im.PluginInstanceID != 0 {
		// A stream is read once: its rows are counted as they come.
		if err := d.Store.BeginImport(ctx, im.ID, 0); err != nil {
			return err
		}
	} else if im.RowsTotal == 0 {
		total, err := d.count(im, nil)
		if err != nil {
			return err
		}
		if err := d.Store.BeginImport(ctx, im.ID, total); err != nil {
			return err
		}
		im.RowsTotal = total
	}
	if companies {
		return d.runCompanies(ctx, im, applyCompany, save)
	}
	if err := d.run(ctx, im, apply, save); err != nil || im.PluginInstanceID == 0 {
		return err
	}
	return d.streamed(ctx, im.ID)
}

// streamed records a finished stream's rows as its total.
func (d Deps) streamed(ctx context.Context, id int64) error {
	im, err := d.Store.Import(ctx, id)
	if err != nil {
		return err
	}
	return d.Store.SetImportTotal(ctx, id, im.Rows())
}

// settle records how the run ended on the import, and tells the runner.
func (d Deps) settle(ctx context.Context, jobID, id int64, err error) error {
	bg := context.WithoutCancel(ctx)
	var fe *importfile.FileError
	var ve *model.ValidationError
	var se *SourceError
	switch {
	case err == nil:
		return d.Store.FinishImport(bg, id, model.JobDone, "")
	case errors.Is(err, store.ErrImportMoved):
		return fmt.Errorf("imports: import %d: %w", id, store.ErrLeaseLost)
	case errors.As(err, &fe) || errors.As(err, &ve) || errors.As(err, &se):
		if ferr := d.Store.FinishImport(bg, id, model.JobFailed, err.Error()); ferr != nil {
			return ferr
		}
		return jobs.Permanent{Err: err}
	}
	if j, jerr := d.Store.Job(bg, jobID); jerr == nil && j.Cancel {
		im, ierr := d.Store.Import(bg, id)
		if ierr == nil {
			ierr = d.finishCancelled(bg, im)
		}
		if ierr != nil {
			return ierr
		}
		return jobs.ErrCancelled
	}
	return err
}
