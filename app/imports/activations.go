package imports

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Activations is where the activation emails of an import's new
// contacts stand. An import that finishes as done sends them; one that is
// cancelled or fails holds them until its importer or an admin asks.
type Activations struct {
	// Held counts the new contacts a send would still email: noted, not
	// yet sent, unverified and with an address.
	Held int
	// Job is the newest job sending them, nil when none was queued.
	Job *model.Job
}

// Sending reports a send that waits or runs.
func (a Activations) Sending() bool { return a.Job != nil && !a.Job.State.Finished() }

// ActivationsOf reads where an import's activation emails stand. A
// companies import or a dry run has none.
func ActivationsOf(ctx context.Context, d Deps, im *model.Import) (Activations, error) {
	var a Activations
	if im.Kind != string(KindContacts) || im.DryRun {
		return a, nil
	}
	held, err := d.Store.CountImportActivations(ctx, im.ID)
	if err != nil {
		return a, err
	}
	a.Held = held
	j, err := d.Store.LastImportActivationJob(ctx, im.ID)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return a, err
	}
	a.Job = j
	return a, nil
}

// SendHeld queues the activation emails a finished import held back, on
// behalf of actor, who must be an admin or the agent who ran it, and
// returns how many contacts they go to. It returns 0 when nothing is left
// to send or a send already waits or runs, so asking twice sends once.
// Contacts verified, blocked or deleted since, or left without an
// address, are skipped when the send runs.
func SendHeld(ctx context.Context, d Deps, actor *model.Agent, id int64) (int, error) {
	im, err := Get(ctx, d, id)
	if err != nil {
		return 0, err
	}
	if im.Kind != string(KindContacts) || im.DryRun {
		return 0, fmt.Errorf("imports: import %d sends no activation email: %w", id, model.ErrNotFound)
	}
	if !actor.IsAdmin() && actor.ID != im.CreatedBy {
		return 0, model.ErrForbidden
	}
	if !im.State.Finished() {
		return 0, model.Invalid("import", "This import has not finished yet: its new contacts are sent the activation email if it finishes.")
	}
	held, err := d.Store.CountImportActivations(ctx, id)
	if err != nil || held == 0 {
		return 0, err
	}
	queued, err := d.Store.QueueImportActivations(ctx, id, actor.ID)
	if err != nil || !queued {
		return 0, err
	}
	return held, nil
}
