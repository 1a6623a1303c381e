package imports

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// CancelSend stops the send of an import's activation emails, on behalf
// of actor, who must be an admin or the agent who ran the import: at
// once when it waits, after the batch it is queuing when it runs, as a
// bulk send is cancelled. The emails of the batches queued by then stay
// queued; the other contacts stay held, to be sent later if asked.
func CancelSend(ctx context.Context, d Deps, actor *model.Agent, id int64) error {
	im, err := Get(ctx, d, id)
	if err != nil {
		return err
	}
	if im.Kind != string(KindContacts) || im.DryRun {
		return fmt.Errorf("imports: import %d sends no activation email: %w", id, model.ErrNotFound)
	}
	if !actor.IsAdmin() && actor.ID != im.CreatedBy {
		return model.ErrForbidden
	}
	a, err := ActivationsOf(ctx, d, im)
	if err != nil || !a.Sending() {
		return err
	}
	return d.Store.CancelJob(ctx, a.Job.ID)
}
