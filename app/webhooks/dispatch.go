package webhooks

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// dispatcher tracks the requests in flight, per endpoint and in all.
type dispatcher struct {
	w        *Worker
	results  chan<- model.WebhookOutcome
	done     chan int64
	inflight map[int64]int
	total    int
	sends    sync.WaitGroup
}

// dispatch claims due deliveries while there are free slots and sends
// each in its own goroutine, until ctx is done; then it waits for the
// requests in flight, which run to their own timeout.
func (w *Worker) dispatch(ctx context.Context, results chan<- model.WebhookOutcome) {
	d := &dispatcher{w: w, results: results, done: make(chan int64, w.MaxInFlight), inflight: map[int64]int{}}
	for ctx.Err() == nil {
		wake := w.Store.DeliveriesDue()
		if err := d.claimAll(ctx); err != nil && ctx.Err() == nil {
			w.Log.Error("webhooks: claim deliveries", "err", err)
		}
		d.waitForWork(ctx, wake)
	}
	for d.total > 0 {
		d.finished(<-d.done)
	}
	d.sends.Wait()
}

// waitForWork returns when something may be due: new deliveries were
// committed, enough requests finished to be worth a claim, or the poll
// interval passed.
func (d *dispatcher) waitForWork(ctx context.Context, wake <-chan struct{}) {
	t := time.NewTimer(d.w.Poll)
	defer t.Stop()
	for freed := 0; freed < d.w.PerEndpoint/2 || d.total == 0; {
		select {
		case <-ctx.Done():
			return
		case <-wake:
			return
		case <-t.C:
			return
		case id := <-d.done:
			d.finished(id)
			freed++
			if d.total == 0 {
				return
			}
		}
	}
}

func (d *dispatcher) finished(id int64) {
	d.inflight[id]--
	d.total--
	if d.inflight[id] == 0 {
		delete(d.inflight, id)
	}
}

// claimAll fills the free slots of every endpoint with due deliveries.
func (d *dispatcher) claimAll(ctx context.Context) error {
	ids, err := d.w.Store.DueWebhookEndpoints(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		free := min(d.w.PerEndpoint-d.inflight[id], d.w.MaxInFlight-d.total)
		if free <= 0 {
			continue
		}
		if err := d.claim(ctx, id, free); err != nil {
			return err
		}
	}
	return nil
}

func (d *dispatcher) claim(ctx context.Context, endpointID int64, n int) error {
	ep, err := d.w.Store.WebhookEndpoint(ctx, endpointID)
	if err != nil {
		return err
	}
	batch, err := d.w.Store.ClaimWebhookDeliveries(ctx, endpointID, n, d.w.Lease)
	if err != nil {
		return err
	}
	for _, dl := range batch {
		d.inflight[endpointID]++
		d.total++
		d.sends.Go(func() { d.run(ep, dl) })
	}
	return nil
}

// run sends one delivery. It is not cancelled by shutdown: an attempt
// under way finishes within Timeout and is recorded, so nothing waits
// for a lease to run out after a clean stop.
func (d *dispatcher) run(ep *model.WebhookEndpoint, dl model.WebhookDelivery) {
	defer func() { d.done <- ep.ID }()
	defer func() {
		if p := recover(); p != nil {
			a := model.WebhookAttempt{AttemptedAt: d.w.Store.Now(), Error: fmt.Sprintf("internal error: %v", p)}
			d.results <- d.w.outcome(ep, dl, a)
		}
	}()
	d.results <- d.w.send(context.Background(), ep, dl)
}
