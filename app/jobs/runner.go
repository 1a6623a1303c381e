package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Handler runs one kind of job. It returns nil when the job is done, a
// Permanent error when retrying cannot help, and any other error to be
// retried later. It should call Task.Save now and then, which records
// progress and tells it when the job was cancelled.
type Handler func(ctx context.Context, t *Task) error

// Permanent marks an error that retrying cannot fix.
type Permanent struct{ Err error }

func (p Permanent) Error() string { return p.Err.Error() }
func (p Permanent) Unwrap() error { return p.Err }

// ErrCancelled is returned by Task.Save once someone cancelled the job; the
// handler returns it (or any error wrapping it) to stop.
var ErrCancelled = errors.New("jobs: cancelled")

// Runner claims due jobs and runs their handlers.
type Runner struct {
	Store    *store.Store
	Log      *slog.Logger
	Workers  int
	Lease    time.Duration // how long a claim lasts without a heartbeat
	Poll     time.Duration // how often idle workers look for due jobs
	handlers map[string]Handler
	// every holds the interval of each periodic kind; see Every.
	every map[string]time.Duration
	owner string
	wake  chan struct{}
}

// NewRunner returns a runner with sensible defaults: two workers, a 30 s
// lease renewed every 10 s, and a poll each second.
func NewRunner(st *store.Store, log *slog.Logger) *Runner {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return &Runner{Store: st, Log: log, Workers: 2, Lease: 30 * time.Second, Poll: time.Second,
		handlers: map[string]Handler{}, every: map[string]time.Duration{}, owner: fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b)),
		wake: make(chan struct{}, 1)}
}

// Handle registers the handler of a kind of job.
func (r *Runner) Handle(kind string, h Handler) { r.handlers[kind] = h }

// Enqueue adds a job and wakes an idle worker.
func (r *Runner) Enqueue(ctx context.Context, nj model.NewJob) (int64, error) {
	id, err := r.Store.EnqueueJob(ctx, nj)
	if err == nil {
		r.Wake()
	}
	return id, err
}

// Wake tells an idle worker to look for work now.
func (r *Runner) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run works until ctx is done, then returns once every running job has
// given its lease back.
func (r *Runner) Run(ctx context.Context) {
	for kind := range r.every {
		r.schedule(ctx, kind, r.Store.Now())
	}
	kinds := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		kinds = append(kinds, k)
	}
	var wg sync.WaitGroup
	for range max(1, r.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(ctx, kinds)
		}()
	}
	wg.Wait()
}

func (r *Runner) work(ctx context.Context, kinds []string) {
	for ctx.Err() == nil {
		job, err := r.Store.ClaimJob(ctx, r.owner, kinds, r.Lease)
		switch {
		case err == nil:
			r.run(ctx, job)
			continue
		case !errors.Is(err, model.ErrNotFound) && ctx.Err() == nil:
			r.Log.Error("jobs: claim failed", "err", err)
		}
		select {
		case <-ctx.Done():
		case <-r.wake:
		case <-time.After(r.Poll):
		}
	}
}
