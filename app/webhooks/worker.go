package webhooks

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Worker fans events out into deliveries and sends them.
type Worker struct {
	Store  *store.Store
	Client *http.Client
	Log    *slog.Logger
	// Notice composes the emails sent when an endpoint is disabled.
	Notice store.DisabledNotice
	// PerEndpoint caps the requests in flight to one endpoint, so a slow
	// endpoint holds at most this many of the MaxInFlight.
	PerEndpoint int
	MaxInFlight int
	// Lease is how long a claimed delivery waits for its result before
	// another sender takes it; it must be longer than Timeout.
	Lease        time.Duration
	Poll         time.Duration // how often idle loops look for work anyway
	Batch        int           // events fanned out per transaction
	DisableAfter time.Duration
}

// NewWorker returns a worker with sensible defaults: 32 requests in
// flight per endpoint and 512 in all, 30 s leases, a poll each second.
func NewWorker(st *store.Store, client *http.Client, log *slog.Logger, notice store.DisabledNotice) *Worker {
	return &Worker{Store: st, Client: client, Log: log, Notice: notice, PerEndpoint: 32, MaxInFlight: 512,
		Lease: 30 * time.Second, Poll: time.Second, Batch: 500, DisableAfter: DisableAfter}
}

// Run works until ctx is done. Attempts in flight then finish (within
// Timeout) and are recorded before it returns.
func (w *Worker) Run(ctx context.Context) {
	results := make(chan model.WebhookOutcome, w.MaxInFlight)
	var loops sync.WaitGroup
	loops.Go(func() { w.fanOut(ctx) })
	recorded := make(chan struct{})
	go func() { w.record(results); close(recorded) }()
	w.dispatch(ctx, results)
	close(results)
	<-recorded
	loops.Wait()
}

// fanOut turns committed events into deliveries as soon as they commit.
func (w *Worker) fanOut(ctx context.Context) {
	for ctx.Err() == nil {
		wake := w.Store.EventsCommitted()
		n, err := w.Store.FanOutEvents(ctx, w.Batch)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("webhooks: fan out events", "err", err)
		}
		if n == w.Batch {
			continue
		}
		w.sleep(ctx, wake)
	}
}

// record writes outcomes in batches: whatever has arrived by the time the
// previous batch is written goes in one transaction.
func (w *Worker) record(results <-chan model.WebhookOutcome) {
	for o := range results {
		batch := []model.WebhookOutcome{o}
	drain:
		for len(batch) < 500 {
			select {
			case o, ok := <-results:
				if !ok {
					break drain
				}
				batch = append(batch, o)
			default:
				break drain
			}
		}
		if err := w.Store.RecordWebhookAttempts(context.Background(), batch, w.Notice); err != nil {
			w.Log.Error("webhooks: record attempts; they will be sent again when their lease runs out", "err", err, "count", len(batch))
		}
	}
}

func (w *Worker) sleep(ctx context.Context, wake <-chan struct{}) {
	t := time.NewTimer(w.Poll)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-wake:
	case <-t.C:
	}
}
