package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Every registers h as a periodic kind: the runner queues a run when it
// starts, unless one is queued already (a restart keeps the schedule), and
// the next one interval after each run ended, however it ended. Being a job, each run is a row like any other, with its
// progress, its error and its retries, and a run cut short by a crash is
// taken up again once its lease runs out. A singleton key keeps at most one
// run queued or running, across processes too.
func (r *Runner) Every(kind string, interval time.Duration, h Handler) {
	r.Handle(kind, h)
	r.every[kind] = interval
}

// schedule queues the next run of a periodic kind unless one is already
// queued or running.
func (r *Runner) schedule(ctx context.Context, kind string, at time.Time) {
	_, err := r.Enqueue(ctx, model.NewJob{Kind: kind, Singleton: periodicKey(kind), RunAt: at, MaxAttempts: 3})
	if err != nil && !errors.Is(err, model.ErrConflict) && ctx.Err() == nil {
		r.Log.Error("jobs: could not schedule the next run", "kind", kind, "err", err)
	}
}

// periodicKey is the singleton key of a periodic kind.
func periodicKey(kind string) string { return "every:" + kind }

// scheduleNext queues the run after job when job is of a periodic kind.
func (r *Runner) scheduleNext(ctx context.Context, job *model.Job) {
	if interval, ok := r.every[job.Kind]; ok {
		r.schedule(ctx, job.Kind, r.Store.Now().Add(interval))
	}
}
