package notify

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// Deliverer is the handler of the notify.deliver job: it claims due
// channel messages a batch at a time, hands each to its channel's plugin
// with the message id as the idempotency key, and records the outcomes
// (which settles the email fallbacks held behind them). Claims are
// leased: a message whose sender died is sent again with the same key
// once the lease ends, and the plugin's ledger drops it if the channel
// had accepted it.
type Deliverer struct {
	Store *store.Store
	// Plugins is nil when plugins are off: channel messages then fail and
	// their email fallbacks go.
	Plugins     *pluginhost.Host
	Log         *slog.Logger
	Batch       int           // messages claimed at a time
	Workers     int           // messages sent at once
	Lease       time.Duration // how long a claim holds a message
	MaxAttempts int           // tries before a message fails for good
}

// NewDeliverer returns a deliverer with batches of 100 sent four at a
// time and eight attempts over about four hours; lease is how long a
// dead sender's messages wait before another sends them.
func NewDeliverer(st *store.Store, plugins *pluginhost.Host, log *slog.Logger, lease time.Duration) *Deliverer {
	return &Deliverer{Store: st, Plugins: plugins, Log: log, Batch: 100, Workers: 4, Lease: lease, MaxAttempts: 8}
}

// Register makes r run the deliverer for notify.deliver jobs.
func (d *Deliverer) Register(r *jobs.Runner) { r.Handle(store.ChannelJobKind, d.Handle) }

// Handle sends what is due now, then books the next run for the next
// retry.
func (d *Deliverer) Handle(ctx context.Context, task *jobs.Task) error {
	var total mail.Tally
	for ctx.Err() == nil {
		batch, err := d.Store.ClaimChannelMessages(ctx, d.Batch, d.Lease)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return d.Store.ScheduleNextChannelDelivery(ctx)
		}
		outcomes := d.sendAll(ctx, batch)
		if err := d.Store.FinishEmails(context.WithoutCancel(ctx), outcomes); err != nil {
			return err
		}
		total.Add(outcomes)
		if err := task.Save(ctx, total.JSON(), ""); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// sendAll sends a batch Workers at a time. A message whose send was cut
// short by ctx has no outcome: it stays claimed until its lease ends.
func (d *Deliverer) sendAll(ctx context.Context, batch []model.Mail) []model.MailOutcome {
	results := make([]*model.MailOutcome, len(batch))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(d.Workers, 1) {
		wg.Go(func() {
			for i := range next {
				results[i] = d.sendOne(ctx, batch[i])
			}
		})
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make([]model.MailOutcome, 0, len(batch))
	for _, r := range results {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out
}
