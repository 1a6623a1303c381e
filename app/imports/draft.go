package imports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// A draft is an upload waiting in the web wizard for its mapping and
// options: its file, how the file reads, the choices made so far and the
// dry run counting what they would do. Only the agent who uploaded it
// sees it.

// Draft returns agent's draft id of kind k; anyone else's, or one of
// another kind, is ErrNotFound.
func Draft(ctx context.Context, d Deps, id, agentID int64, k Kind) (*model.ImportDraft, error) {
	dr, err := d.Store.ImportDraft(ctx, id, agentID)
	if err == nil && dr.Kind != string(k) {
		return nil, fmt.Errorf("imports: draft %d is of another kind: %w", id, model.ErrNotFound)
	}
	return dr, err
}

// NewDraft records an upload read as pre, with the suggested mapping; a
// contacts draft asks for the activation email when new contacts get it
// anyway. It returns the draft's id.
func NewDraft(ctx context.Context, d Deps, dr model.ImportDraft, pre *Preview) (int64, error) {
	if err := setReading(&dr, pre.Dialect, pre.Mapping); err != nil {
		return 0, err
	}
	if dr.Kind == string(KindContacts) {
		var err error
		if dr.SendActivation, err = d.Store.ActivationAuto(ctx); err != nil {
			return 0, err
		}
	}
	return d.Store.CreateImportDraft(ctx, dr)
}

// SaveDraft records the draft's choices as they are.
func SaveDraft(ctx context.Context, d Deps, dr *model.ImportDraft) error {
	return d.Store.SaveImportDraft(ctx, dr)
}

// SaveReading records how the draft's file reads and its mapping.
func SaveReading(ctx context.Context, d Deps, dr *model.ImportDraft, dl importfile.Dialect, m importfile.Mapping) error {
	if err := setReading(dr, dl, m); err != nil {
		return err
	}
	return d.Store.SaveImportDraft(ctx, dr)
}

func setReading(dr *model.ImportDraft, dl importfile.Dialect, m importfile.Mapping) error {
	js, err := json.Marshal(dl)
	if err != nil {
		return fmt.Errorf("imports: encode dialect: %w", err)
	}
	dr.Dialect, dr.Mapping = string(js), m.Specs()
	return nil
}

// CountDraft starts a dry run of the draft's choices in place of the
// previous one, whose counts no longer hold, and records it.
func CountDraft(ctx context.Context, d Deps, r *jobs.Runner, actor model.Actor, dr *model.ImportDraft) error {
	dropDryRun(ctx, d, dr)
	p, err := DraftParams(dr, true)
	if err == nil {
		dr.DryRunID, err = Start(ctx, d, r, actor, p)
	}
	return errors.Join(err, d.Store.SaveImportDraft(ctx, dr))
}

// DraftDialect reads how the draft's file is read.
func DraftDialect(dr *model.ImportDraft) (importfile.Dialect, error) {
	var dl importfile.Dialect
	if err := json.Unmarshal([]byte(dr.Dialect), &dl); err != nil {
		return dl, fmt.Errorf("imports: dialect of draft %d: %w", dr.ID, err)
	}
	return dl, nil
}

// DraftParams is the import the draft asks for. Map is never nil, so an
// emptied mapping is refused instead of replaced by the suggested one. A
// dry run reads the draft's file in place: the upload never changes, and
// dropDryRun cancels the dry run before the file goes.
func DraftParams(dr *model.ImportDraft, dryRun bool) (Params, error) {
	dl, err := DraftDialect(dr)
	return Params{Kind: Kind(dr.Kind), Path: dr.Path, Filename: dr.Filename, Dialect: dl,
		Map: append([]string{}, dr.Mapping...), Mode: Mode(dr.Mode), Match: Match(dr.Match),
		Blank: Blank(dr.Blank), SendActivation: dr.SendActivation, DryRun: dryRun, InPlace: dryRun}, err
}
