package activation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Register makes the runner run bulk sends and the activation emails of
// imports.
func Register(r *jobs.Runner, s *Service) {
	r.Handle(BulkJobKind, s.runBulk)
	r.Handle(store.ImportActivationJobKind, s.runImport)
}

// runBulk sends a selection's emails batch by batch, resuming after the
// last contact id of the last batch committed.
func (s *Service) runBulk(ctx context.Context, t *jobs.Task) error {
	var pl bulkPayload
	if err := json.Unmarshal([]byte(t.Job.Payload), &pl); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("activation: payload of job %d: %w", t.Job.ID, err)}
	}
	next := s.ticked(pl.IDs)
	if pl.All {
		next = func(ctx context.Context, after int64) ([]int64, error) {
			return s.Store.MatchingContactIDs(ctx, pl.Query, after, batchSize)
		}
	}
	return s.drain(ctx, t, s.actor(ctx, t.Job), next, pl.Resend)
}

// runImport sends the activation email to the contacts an import created.
func (s *Service) runImport(ctx context.Context, t *jobs.Task) error {
	var pl struct {
		ImportID int64 `json:"import_id"`
	}
	if err := json.Unmarshal([]byte(t.Job.Payload), &pl); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("activation: payload of job %d: %w", t.Job.ID, err)}
	}
	next := func(ctx context.Context, after int64) ([]int64, error) {
		return s.Store.ImportActivations(ctx, pl.ImportID, after, batchSize)
	}
	actor := s.actor(ctx, t.Job)
	if actor.ID == 0 {
		actor.Name = fmt.Sprintf("Import %d", pl.ImportID)
	}
	if err := s.drain(ctx, t, actor, next, true); err != nil {
		return errors.Join(err, s.forgetQueued(ctx, t.Job.ID, pl.ImportID))
	}
	return s.Store.ForgetImportActivations(ctx, pl.ImportID)
}

// forgetQueued drops, from an import's noted contacts, those a send that
// stopped part way (cancelled, failed or interrupted) got to: the
// batches up to its checkpoint committed. Sending the held emails again
// then goes only to the contacts it did not reach, and does not replace
// the links it just sent.
func (s *Service) forgetQueued(ctx context.Context, jobID, importID int64) error {
	ctx = context.WithoutCancel(ctx)
	j, err := s.Store.Job(ctx, jobID)
	if err != nil {
		return err
	}
	last, _ := strconv.ParseInt(j.Checkpoint, 10, 64)
	if last == 0 {
		return nil
	}
	return s.Store.ForgetImportActivationsThrough(ctx, importID, last)
}

// actor is the agent who started a job, as the audit trail names them.
func (s *Service) actor(ctx context.Context, j *model.Job) model.Actor {
	if j.CreatedBy == 0 {
		return model.Actor{Name: "Portico"}
	}
	a, err := s.Store.AgentByID(ctx, j.CreatedBy)
	if err != nil {
		return model.Actor{Name: "Portico"}
	}
	return model.Actor{ID: a.ID, Name: a.Name}
}
