package activation

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// BulkJob returns a bulk send's job. Any other job is not found, so a
// bulk send's page cannot show another kind of job.
func (s *Service) BulkJob(ctx context.Context, id int64) (*model.Job, error) {
	j, err := s.Store.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.Kind != BulkJobKind {
		return nil, fmt.Errorf("activation: job %d is no bulk send: %w", id, model.ErrNotFound)
	}
	return j, nil
}

// MayCancel reports whether an agent may cancel a bulk send: admins, and
// the agent who started it.
func MayCancel(a *model.Agent, j *model.Job) bool { return j.MayCancel(a) }

// CancelBulk stops a bulk send through the jobs' own cancellation: at
// once when it waits, after the batch it is sending when it runs. The
// emails of the batches sent by then stay queued.
func (s *Service) CancelBulk(ctx context.Context, a *model.Agent, id int64) error {
	j, err := s.BulkJob(ctx, id)
	if err != nil {
		return err
	}
	if !MayCancel(a, j) {
		return model.ErrForbidden
	}
	if j.State.Finished() {
		return nil
	}
	return s.Store.CancelJob(ctx, id)
}
