package jobs

import (
	"context"
	"errors"

	"github.com/portico-hub/portico/app/store"
)

// Step runs one step of the job whose work commits in the same
// transaction as the job's new checkpoint, so that a job resumed after a
// crash neither does the step again nor skips it. commit writes the work
// through a store method that takes the step, which moves the checkpoint
// to checkpoint and sets the progress in its transaction. No heartbeat
// runs meanwhile: one could otherwise write back the checkpoint the step
// moved past. For the same reason commit must not call Save.
//
// Once the step committed, its progress and checkpoint are the task's.
// Step returns ErrCancelled when, by then, someone asked to cancel the
// job, and store.ErrLeaseLost, with nothing written, when another worker
// has the job.
func (t *Task) Step(ctx context.Context, checkpoint string, commit func(step *store.JobStep) error) error {
	t.saving.Lock()
	defer t.saving.Unlock()
	t.mu.Lock()
	step := &store.JobStep{ID: t.Job.ID, Owner: t.r.owner, Lease: t.r.Lease, From: t.checkpoint, To: checkpoint}
	t.mu.Unlock()
	err := commit(step)
	t.mu.Lock()
	defer t.mu.Unlock()
	if errors.Is(err, store.ErrLeaseLost) {
		t.lost = true
	}
	if err != nil {
		return err
	}
	t.progress, t.checkpoint = step.Progress, checkpoint
	if step.Cancel {
		t.cancelled = true
		return ErrCancelled
	}
	return nil
}
