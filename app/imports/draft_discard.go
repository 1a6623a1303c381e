package imports

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// DraftTTL is how long an upload waits untouched in the wizard before it
// is deleted with its file.
const DraftTTL = 24 * time.Hour

// DiscardDraft deletes a draft, its upload and its dry run's file.
func DiscardDraft(ctx context.Context, d Deps, dr *model.ImportDraft) error {
	dropDryRun(ctx, d, dr)
	if err := os.Remove(dr.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
		d.Log.Warn("removing an upload", "draft", dr.ID, "err", err)
	}
	return d.Store.DeleteImportDraft(ctx, dr.ID)
}

// SweepDrafts deletes the drafts left untouched for DraftTTL, so
// abandoned uploads never pile up on disk.
func SweepDrafts(ctx context.Context, d Deps) error {
	stale, err := d.Store.StaleImportDrafts(ctx, d.Store.Now().Add(-DraftTTL))
	for i := range stale {
		if err == nil {
			err = DiscardDraft(ctx, d, &stale[i])
		}
	}
	return err
}

// dropDryRun stops the draft's dry run, which read the draft's own file
// (or, started before dry runs read in place, a copy it deletes). The
// dry run's record stays, out of the history, with its counts.
func dropDryRun(ctx context.Context, d Deps, dr *model.ImportDraft) {
	if dr.DryRunID == 0 {
		return
	}
	im, err := d.Store.Import(ctx, dr.DryRunID)
	if err == nil {
		err = Cancel(ctx, d, nil, im.ID)
	}
	if err == nil && im.Path != "" && im.Path != dr.Path {
		err = os.Remove(im.Path)
	}
	if err != nil && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, os.ErrNotExist) {
		d.Log.Warn("dropping a dry run", "import", dr.DryRunID, "err", err)
	}
	dr.DryRunID = 0
}
