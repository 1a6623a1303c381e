package app

import (
	"context"
	"sync"
)

// Start runs the background workers (email and channel delivery, delivery
// reports, activation, imports, bulk actions, exports, webhooks and the
// hourly maintenance) until the returned stop is called. stop waits for
// them to give back what they hold, so an interrupted import resumes at
// once on the next start.
func (p *Portico) Start(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { p.Jobs.Run(ctx) })
	wg.Go(func() { p.Hooks.Run(ctx) })
	wg.Go(func() { p.Reports.Run(ctx) })
	return func() { cancel(); wg.Wait() }
}
