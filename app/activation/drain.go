package activation

import (
	"context"
	"slices"
	"strconv"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

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

// drain sends batch after batch from the checkpoint on. The first run
// counts the contacts first, for the progress bar. A batch runs without
// the job's cancellation: once started it commits, with its checkpoint,
// and a cancelled job stops after it.
func (s *Service) drain(ctx context.Context, t *jobs.Task, actor model.Actor, next source, resend bool) error {
	p := ProgressOf(t.Job)
	if p.Total == 0 {
		total, err := count(ctx, next)
		if err != nil {
			return err
		}
		p.Total = total
	}
	after, _ := strconv.ParseInt(t.Job.Checkpoint, 10, 64)
	// A bulk send's activation.sent events go in the bulk lane.
	bctx := store.Bulk(context.WithoutCancel(ctx))
	for ctx.Err() == nil {
		ids, err := next(ctx, after)
		if err != nil || len(ids) == 0 {
			return err
		}
		after = ids[len(ids)-1]
		if p, err = s.sendBatch(bctx, t, actor, ids, p, resend); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// sendBatch issues a batch's links, queues their emails and moves the
// job's checkpoint past the batch, all in one transaction, so a job
// resumed after a crash never sends a batch twice. It returns the
// progress after the batch.
func (s *Service) sendBatch(ctx context.Context, t *jobs.Task, actor model.Actor, ids []int64, p Progress, resend bool) (Progress, error) {
	links, left, err := s.prepare(ctx, ids, resend)
	if err != nil {
		return p, err
	}
	next := p
	err = t.Step(ctx, strconv.FormatInt(ids[len(ids)-1], 10), func(step *store.JobStep) error {
		_, err := s.Store.IssueLinksStep(ctx, actor, links, step, func(sent []int64) string {
			next = p.after(left, len(links), len(sent))
			return next.json()
		})
		return err
	})
	return next, err
}
