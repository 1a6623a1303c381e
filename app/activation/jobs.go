package activation

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
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
	var sel Selection
	if err := json.Unmarshal([]byte(t.Job.Payload), &sel); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("activation: payload of job %d: %w", t.Job.ID, err)}
	}
	next := s.ticked(sel.IDs)
	if sel.All {
		next = func(ctx context.Context, after int64) ([]int64, error) {
			return s.Store.MatchingContactIDs(ctx, sel.Query, after, batchSize)
		}
	}
	return s.drain(ctx, t, s.actor(ctx, t.Job), next)
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
	if err := s.drain(ctx, t, actor, next); err != nil {
		return err
	}
	return s.Store.ForgetImportActivations(ctx, pl.ImportID)
}

// source lists the contact ids after an id, a batch at a time.
type source func(ctx context.Context, after int64) ([]int64, error)

// ticked walks a list of ticked contacts in id order.
func (s *Service) ticked(ids []int64) source {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return func(_ context.Context, after int64) ([]int64, error) {
		i, _ := slices.BinarySearch(ids, after+1)
		return ids[i:min(len(ids), i+batchSize)], nil
	}
}

func count(ctx context.Context, next source) (int, error) {
	n, after := 0, int64(0)
	for {
		ids, err := next(ctx, after)
		if err != nil || len(ids) == 0 {
			return n, err
		}
		n, after = n+len(ids), ids[len(ids)-1]
	}
}

// drain sends batch after batch from the checkpoint on, saving progress
// after each; a cancelled job stops at the next batch. The first run
// counts the contacts first, for the progress bar.
func (s *Service) drain(ctx context.Context, t *jobs.Task, actor model.Actor, next source) error {
	p := ProgressOf(t.Job)
	if p.Total == 0 {
		total, err := count(ctx, next)
		if err != nil {
			return err
		}
		p.Total = total
	}
	after, _ := strconv.ParseInt(t.Job.Checkpoint, 10, 64)
	for {
		ids, err := next(ctx, after)
		if err != nil || len(ids) == 0 {
			return err
		}
		c, err := s.SendMany(ctx, actor, ids)
		if err != nil {
			return err
		}
		p.Sent, p.NoEmail, p.Skipped = p.Sent+c.Sent, p.NoEmail+c.NoEmail, p.Skipped+c.Skipped
		after = ids[len(ids)-1]
		js, _ := json.Marshal(p)
		if err := t.Save(ctx, string(js), strconv.FormatInt(after, 10)); err != nil {
			return err
		}
	}
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
