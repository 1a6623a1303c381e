package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// batchSize is how many contacts a job changes between two checkpoints.
const batchSize = 200

// Register makes the runner run bulk changes.
func Register(r *jobs.Runner, s *Service) { r.Handle(JobKind, s.run) }

// source lists the selected contact ids after an id, a batch at a time.
type source func(ctx context.Context, after int64) ([]int64, error)

// ticked sorts ticked ids and drops repeats.
func ticked(ids []int64) []int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// sourceOf walks a request's contacts in id order: the ticked ones, or
// those the list matches, found again batch by batch.
func (s *Service) sourceOf(r *Request) source {
	if r.All {
		return func(ctx context.Context, after int64) ([]int64, error) {
			return s.Store.MatchingContactIDs(ctx, r.Query, after, batchSize)
		}
	}
	ids := ticked(r.IDs)
	return func(_ context.Context, after int64) ([]int64, error) {
		i, _ := slices.BinarySearch(ids, after+1)
		return ids[i:min(len(ids), i+batchSize)], nil
	}
}

// run applies a request batch by batch from the checkpoint on, counting
// the contacts first for the progress bar. Each contact's change commits
// alone, so a job resumed after a crash may meet again a few contacts of
// the batch it was changing: the change no longer applies to them and
// they count as skipped, never changed twice.
func (s *Service) run(ctx context.Context, t *jobs.Task) error {
	var r Request
	if err := json.Unmarshal([]byte(t.Job.Payload), &r); err != nil {
		return jobs.Permanent{Err: fmt.Errorf("bulk: payload of job %d: %w", t.Job.ID, err)}
	}
	next, res, actor := s.sourceOf(&r), ResultOf(t.Job), s.actor(ctx, t.Job)
	if res.Total == 0 {
		total, err := count(ctx, next)
		if err != nil {
			return err
		}
		res.Total = total
	}
	after, _ := strconv.ParseInt(t.Job.Checkpoint, 10, 64)
	bctx := context.WithoutCancel(ctx)
	for ctx.Err() == nil {
		ids, err := next(ctx, after)
		if err != nil || len(ids) == 0 {
			return err
		}
		after = ids[len(ids)-1]
		if err := s.apply(bctx, actor, &r, ids, &res); err != nil {
			return err
		}
		if err := t.Save(bctx, res.json(), strconv.FormatInt(after, 10)); err != nil {
			return err
		}
	}
	return ctx.Err()
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

// actor is the agent who started a job, as the audit trail names them.
func (s *Service) actor(ctx context.Context, j *model.Job) model.Actor {
	a, err := s.Store.AgentByID(ctx, j.CreatedBy)
	if j.CreatedBy == 0 || err != nil {
		return model.Actor{Name: "Portico"}
	}
	return model.Actor{ID: a.ID, Name: a.Name}
}
