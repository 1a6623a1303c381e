package app

import (
	"context"
	"sync"
	"time"
)

// Start runs the background workers (email and channel delivery, delivery
// reports, activation, imports, bulk actions, exports, webhooks, CRM sync
// and the hourly maintenance) until the returned stop is called. stop
// waits for them to give back what they hold, so an interrupted import
// resumes at once on the next start.
func (p *Portico) Start(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { p.Jobs.Run(ctx) })
	wg.Go(func() { p.Hooks.Run(ctx) })
	wg.Go(func() { p.Reports.Run(ctx) })
	if p.CRM != nil {
		wg.Go(func() { p.CRM.Watch(ctx, time.Minute) })
	}
	return func() { cancel(); wg.Wait() }
}
