package notify

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Reports listens to the delivery reports of every channel that gives
// them and keeps what they say on the messages, for the mailbox. A
// report only informs: the message's email fallback was settled when the
// channel accepted it.
type Reports struct {
	Store   *store.Store
	Plugins *pluginhost.Host
	Log     *slog.Logger
	// Every is how often channels are looked for, and a listener that
	// stopped (its plugin restarted, say) is started again.
	Every time.Duration
}

// Run listens until ctx ends. It does nothing when plugins are off.
func (r *Reports) Run(ctx context.Context) {
	if r.Plugins == nil {
		return
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	listening := map[int64]bool{}
	defer wg.Wait()
	for {
		chans, err := r.Plugins.Channels(ctx)
		if err != nil && ctx.Err() == nil {
			r.Log.Warn("delivery reports: list channels", "err", err)
		}
		for _, c := range chans {
			mu.Lock()
			start := c.Reports && c.Usable && !listening[c.InstanceID]
			listening[c.InstanceID] = listening[c.InstanceID] || start
			mu.Unlock()
			if start {
				wg.Go(func() {
					r.listen(ctx, c.InstanceID)
					mu.Lock()
					delete(listening, c.InstanceID)
					mu.Unlock()
				})
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(max(r.Every, time.Second)):
		}
	}
}

// listen records one channel's reports until its stream ends.
func (r *Reports) listen(ctx context.Context, instanceID int64) {
	ch := model.InstanceChannel(instanceID)
	err := r.Plugins.DeliveryReports(ctx, instanceID, func(rep sdk.DeliveryReport) error {
		at := rep.At
		if at.IsZero() {
			at = r.Store.Now()
		}
		_, err := r.Store.RecordDelivery(context.WithoutCancel(ctx), ch, rep.Key, string(rep.Status), rep.Detail, at)
		return err
	})
	if err != nil && ctx.Err() == nil {
		r.Log.Info("delivery reports stopped; listening again shortly", "channel", ch, "err", err)
	}
}
