package crmsync

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// The schedule of the connectors' pulls, and the limit of one run.
const (
	JobKind      = "crm_sync.pull"
	PullInterval = 5 * time.Minute
	RunLimit     = 10 * time.Minute
)

// Register makes the runner sync every connector each interval, as a
// periodic job (a row with its retries, resumed after a crash).
func Register(r *jobs.Runner, e *Engine, interval time.Duration) {
	r.Every(JobKind, interval, func(ctx context.Context, _ *jobs.Task) error {
		e.SyncAll(ctx)
		return nil
	})
}

// SyncAll runs every running connector at once, each in its own
// goroutine and time limit: a connector that is down or slow holds no
// other. Each run's outcome is recorded on its connector.
func (e *Engine) SyncAll(ctx context.Context) {
	ids, err := e.Store.CRMConnectorIDs(ctx)
	if err != nil {
		e.log().Error("crmsync: list connectors", "err", err)
		return
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(ctx, RunLimit)
			defer cancel()
			if err := e.SyncNow(ctx, id); err != nil && !errors.Is(err, ErrNotRunning) {
				e.log().Warn("crmsync: sync", "connector", id, "err", err)
			}
		})
	}
	wg.Wait()
}

// Watch pushes Portico's changes as their events commit, until ctx is
// done: each connector has its own loop, woken by every commit, so one
// that is down or slow holds no other.
func (e *Engine) Watch(ctx context.Context, poll time.Duration) {
	loops := map[int64]chan struct{}{}
	var wg sync.WaitGroup
	defer wg.Wait()
	for ctx.Err() == nil {
		wake := e.Store.EventsCommitted()
		ids, err := e.Store.CRMConnectorIDs(ctx)
		if err != nil && ctx.Err() == nil {
			e.log().Error("crmsync: list connectors", "err", err)
		}
		for _, id := range ids {
			if loops[id] == nil {
				loops[id] = make(chan struct{}, 1)
				wg.Go(func() { e.pushLoop(ctx, id, loops[id]) })
			}
			select {
			case loops[id] <- struct{}{}:
			default:
			}
		}
		sleep(ctx, wake, poll)
	}
}

func (e *Engine) pushLoop(ctx context.Context, id int64, wake <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-wake:
		}
		run, cancel := context.WithTimeout(ctx, RunLimit)
		// A connector removed since ends its runs here, quietly.
		if err := e.PushNow(run, id); err != nil && ctx.Err() == nil && !errors.Is(err, model.ErrNotFound) {
			e.log().Warn("crmsync: push", "connector", id, "err", err)
		}
		cancel()
	}
}

func sleep(ctx context.Context, wake <-chan struct{}, poll time.Duration) {
	t := time.NewTimer(poll)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-wake:
	case <-t.C:
	}
}

func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}
