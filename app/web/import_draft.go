package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// draftTTL is how long an upload waits untouched in the wizard before it
// is deleted with its file.
const draftTTL = 24 * time.Hour

// loadDraft resolves the :draft parameter to a draft of the signed-in
// agent and of the request's kind; any other draft is not found.
func (s *Server) loadDraft(c *fiber.Ctx) (*model.ImportDraft, error) {
	id, err := paramID(c, "draft")
	if err != nil {
		return nil, err
	}
	d, err := s.store.ImportDraft(c.UserContext(), id, currentAgent(c).ID)
	if err == nil && d.Kind != string(kindOf(c).Kind) {
		return nil, fmt.Errorf("web: import draft %d is of another kind: %w", id, model.ErrNotFound)
	}
	return d, err
}

// draftDialect reads how the draft's file is read.
func draftDialect(d *model.ImportDraft) (importfile.Dialect, error) {
	var dl importfile.Dialect
	if err := json.Unmarshal([]byte(d.Dialect), &dl); err != nil {
		return dl, fmt.Errorf("web: dialect of import draft %d: %w", d.ID, err)
	}
	return dl, nil
}

// draftParams is the import the draft asks for. Map is never nil, so an
// emptied mapping is refused instead of replaced by the suggested one. A
// dry run reads the draft's file in place: the upload never changes, and
// dropDryRun cancels the dry run before the file goes.
func draftParams(d *model.ImportDraft, dryRun bool) (imports.Params, error) {
	dl, err := draftDialect(d)
	return imports.Params{Kind: imports.Kind(d.Kind), Path: d.Path, Filename: d.Filename, Dialect: dl,
		Map: append([]string{}, d.Mapping...), Mode: imports.Mode(d.Mode), Match: imports.Match(d.Match),
		Blank: imports.Blank(d.Blank), SendActivation: d.SendActivation, DryRun: dryRun, InPlace: dryRun}, err
}

// countDraft starts a dry run of the draft's choices in place of the
// previous one, whose counts no longer hold.
func (s *Server) countDraft(ctx context.Context, a model.Actor, d *model.ImportDraft) error {
	s.dropDryRun(ctx, d)
	p, err := draftParams(d, true)
	if err == nil {
		d.DryRunID, err = imports.Start(ctx, s.imports, s.jobs, a, p)
	}
	return errors.Join(err, s.store.SaveImportDraft(ctx, d))
}

// dropDryRun stops the draft's dry run, which read the draft's own file
// (or, started before dry runs read in place, a copy it deletes). The
// dry run's record stays, out of the history, with its counts.
func (s *Server) dropDryRun(ctx context.Context, d *model.ImportDraft) {
	if d.DryRunID == 0 {
		return
	}
	im, err := s.store.Import(ctx, d.DryRunID)
	if err == nil {
		err = imports.Cancel(ctx, s.imports, nil, im.ID)
	}
	if err == nil && im.Path != "" && im.Path != d.Path {
		err = os.Remove(im.Path)
	}
	if err != nil && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, os.ErrNotExist) {
		s.log.Warn("dropping a dry run", "import", d.DryRunID, "err", err)
	}
	d.DryRunID = 0
}

// discardDraft deletes a draft, its upload and its dry run's file.
func (s *Server) discardDraft(ctx context.Context, d *model.ImportDraft) error {
	s.dropDryRun(ctx, d)
	if err := os.Remove(d.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
		s.log.Warn("removing an upload", "draft", d.ID, "err", err)
	}
	return s.store.DeleteImportDraft(ctx, d.ID)
}

// sweepDrafts deletes the drafts left untouched for draftTTL, so
// abandoned uploads never pile up on disk. Each upload runs it.
func (s *Server) sweepDrafts(ctx context.Context) {
	stale, err := s.store.StaleImportDrafts(ctx, s.store.Now().Add(-draftTTL))
	for i := range stale {
		if err == nil {
			err = s.discardDraft(ctx, &stale[i])
		}
	}
	if err != nil {
		s.log.Warn("sweeping abandoned uploads", "err", err)
	}
}

// importDiscard abandons a draft at any step and deletes its file.
func (s *Server) importDiscard(c *fiber.Ctx) error {
	d, err := s.loadDraft(c)
	if err != nil {
		return err
	}
	if err := s.discardDraft(c.UserContext(), d); err != nil {
		return err
	}
	flash(c, "Import discarded; the uploaded file was deleted.")
	return redirect(c, kindOf(c).Path())
}
