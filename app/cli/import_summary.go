package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

// summary prints the four counts and where the failed rows are. An
// import with failed rows, or that did not finish, ends in an error, so
// the command exits 1.
func summary(ctx context.Context, e *env, d imports.Deps, im *model.Import) error {
	if im.State != model.JobDone {
		return stopped(ctx, e, d, im)
	}
	verb := "Imported"
	if im.DryRun {
		verb = "Dry run (nothing changed) would have"
	}
	fmt.Fprintf(e.stdout, "%s %s: %s.\n", verb, wording.Count(im.Rows(), "row"), counts(im.ImportCounts))
	if im.Failed == 0 {
		return nil
	}
	if err := writeFailedRows(ctx, e, d, im); err != nil {
		return err
	}
	if im.DryRun {
		return fmt.Errorf("%s would fail", wording.Count(im.Failed, "row"))
	}
	return fmt.Errorf("%s failed", wording.Count(im.Failed, "row"))
}

// stopped words an import cancelled or stopped by an error: how far it
// got, the rows it never reached, its failed rows and held emails. Its
// error only names the import and why, since the lines before said the
// rest.
func stopped(ctx context.Context, e *env, d imports.Deps, im *model.Import) error {
	how, why := "Cancelled", fmt.Errorf("import %d was cancelled", im.ID)
	if im.State == model.JobFailed {
		how, why = "Stopped by an error", fmt.Errorf("import %d failed", im.ID)
		if im.Error != "" {
			why = fmt.Errorf("import %d failed: %s", im.ID, im.Error)
		}
	}
	fmt.Fprintln(e.stdout, howFar(how, im))
	if im.Failed > 0 {
		if err := writeFailedRows(ctx, e, d, im); err != nil {
			return errors.Join(why, err)
		}
	}
	if held := heldActivations(ctx, d, im, e.cfg.BaseURL); held != "" {
		fmt.Fprintln(e.stdout, held)
	}
	return why
}

// howFar says how many of the file's rows an unfinished import applied,
// never that rows were imported when none were.
func howFar(how string, im *model.Import) string {
	switch {
	case im.Rows() == 0 && im.RowsTotal > 0:
		return fmt.Sprintf("%s before any row was imported: 0 of %s.", how, wording.Count(im.RowsTotal, "row"))
	case im.Rows() == 0:
		return how + " before any row was imported."
	case im.RowsTotal == 0:
		return fmt.Sprintf("%s after %s: %s.", how, wording.Count(im.Rows(), "row"), counts(im.ImportCounts))
	}
	s := fmt.Sprintf("%s after %s of %s: %s.", how, wording.Number(im.Rows()), wording.Count(im.RowsTotal, "row"), counts(im.ImportCounts))
	switch n := im.NotImported(); n {
	case 0:
		return s
	case 1:
		return s + " The other row was not imported."
	default:
		return fmt.Sprintf("%s The other %s rows were not imported.", s, wording.Number(n))
	}
}

// counts words the four counts of an import.
func counts(c model.ImportCounts) string {
	return fmt.Sprintf("%s created, %s updated, %s skipped, %s failed",
		wording.Number(c.Created), wording.Number(c.Updated), wording.Number(c.Skipped), wording.Number(c.Failed))
}

// writeFailedRows says why rows failed, writes an import's failed rows,
// with their reasons, next to its file, and says where.
func writeFailedRows(ctx context.Context, e *env, d imports.Deps, im *model.Import) error {
	if err := printFailures(ctx, e, d, im); err != nil {
		return err
	}
	out := filepath.Join(d.FilesDir, "imports", fmt.Sprintf("%d-failed.csv", im.ID))
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("write failed rows: %w", err)
	}
	if err := imports.WriteFailures(ctx, d, im.ID, f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write failed rows: %w", err)
	}
	fmt.Fprintf(e.stdout, "Failed rows, with their reasons: %s\n", out)
	return nil
}
