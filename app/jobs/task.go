package jobs

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Task is a running job as its handler sees it.
type Task struct {
	Job *model.Job
	r   *Runner

	// saving keeps a heartbeat from writing back the checkpoint a step
	// moved past while the step commits; see Step.
	saving     sync.Mutex
	mu         sync.Mutex
	progress   string
	checkpoint string
	cancelled  bool
	lost       bool
}

// Save records progress (JSON shown to people) and a checkpoint (where a
// resumed run starts) and renews the lease. It returns ErrCancelled once
// the job was cancelled, and store.ErrLeaseLost if another worker took it.
func (t *Task) Save(ctx context.Context, progress, checkpoint string) error {
	t.mu.Lock()
	t.progress, t.checkpoint = progress, checkpoint
	t.mu.Unlock()
	return t.beat(ctx)
}

func (t *Task) beat(ctx context.Context) error {
	t.saving.Lock()
	defer t.saving.Unlock()
	t.mu.Lock()
	progress, checkpoint := t.progress, t.checkpoint
	t.mu.Unlock()
	cancel, err := t.r.Store.HeartbeatJob(context.WithoutCancel(ctx), t.Job.ID, t.r.owner, t.r.Lease, progress, checkpoint)
	if errors.Is(err, store.ErrLeaseLost) {
		t.mu.Lock()
		t.lost = true
		t.mu.Unlock()
	}
	if err != nil {
		return err
	}
	if cancel {
		t.mu.Lock()
		t.cancelled = true
		t.mu.Unlock()
		return ErrCancelled
	}
	return nil
}

// run executes one claimed job, renewing its lease in the background
// until the handler returns, then records the outcome.
func (r *Runner) run(ctx context.Context, job *model.Job) {
	t := &Task{Job: job, r: r, progress: job.Progress, checkpoint: job.Checkpoint}
	hctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(r.Lease / 3)
		defer tick.Stop()
		for {
			select {
			case <-hctx.Done():
				return
			case <-tick.C:
				if err := t.beat(hctx); err != nil {
					stop() // lease lost or cancelled: make the handler stop
					return
				}
			}
		}
	}()
	err := r.call(hctx, t)
	stop()
	<-done
	r.settle(ctx, t, err)
}

// call runs the handler, turning a panic into an error.
func (r *Runner) call(ctx context.Context, t *Task) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("jobs: %s job %d panicked: %v\n%s", t.Job.Kind, t.Job.ID, p, debug.Stack())
		}
	}()
	h := r.handlers[t.Job.Kind]
	return h(ctx, t)
}

// settle records how a run ended. A run interrupted by shutdown keeps
// its checkpoint and gives its lease back for the next process. A run
// that ended for good schedules the next one of a periodic kind.
func (r *Runner) settle(ctx context.Context, t *Task, err error) {
	bg := context.WithoutCancel(ctx)
	job := t.Job
	t.mu.Lock()
	progress, cancelled, lost := t.progress, t.cancelled, t.lost
	t.mu.Unlock()
	var serr error
	ended := true
	switch {
	case lost || errors.Is(err, store.ErrLeaseLost):
		r.Log.Warn("jobs: lease lost; another worker has the job", "id", job.ID, "kind", job.Kind)
		return
	case err == nil:
		serr = r.Store.FinishJob(bg, job.ID, r.owner, model.JobDone, progress, "")
	case cancelled || errors.Is(err, ErrCancelled):
		serr = r.Store.FinishJob(bg, job.ID, r.owner, model.JobCancelled, progress, "")
	case ctx.Err() != nil:
		ended, serr = false, r.Store.ReleaseJob(bg, job.ID, r.owner)
	case isPermanent(err) || job.Attempts >= job.MaxAttempts:
		r.Log.Error("jobs: job failed", "id", job.ID, "kind", job.Kind, "err", err)
		serr = r.Store.FinishJob(bg, job.ID, r.owner, model.JobFailed, progress, err.Error())
	default:
		r.Log.Warn("jobs: attempt failed; will retry", "id", job.ID, "kind", job.Kind, "attempt", job.Attempts, "err", err)
		ended, serr = false, r.Store.RetryJob(bg, job.ID, r.owner, r.Store.Now().Add(backoff(job.Attempts)), err.Error())
	}
	switch {
	case serr != nil:
		r.Log.Error("jobs: could not record the outcome", "id", job.ID, "err", serr)
	case ended:
		r.scheduleNext(bg, job)
	}
}

func isPermanent(err error) bool {
	var p Permanent
	return errors.As(err, &p)
}

// backoff grows exponentially from 5 s, capped at an hour, with jitter so
// retries of many jobs do not arrive together.
func backoff(attempt int) time.Duration {
	d := 5 * time.Second << min(attempt-1, 10)
	d = min(d, time.Hour)
	return d/2 + rand.N(d/2+1)
}
