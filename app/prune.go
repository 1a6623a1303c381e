package app

import (
	"context"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/store"
)

// pruneEvents deletes the webhook delivery log and the events older than
// the retention, the log first: an event is kept while any delivery
// refers to it, so the deliveries pruned now free their events at once.
// Both prunes work in chunks, so imports and webhooks keep writing
// between them.
func pruneEvents(ctx context.Context, st *store.Store, e *env) {
	before := st.Now().Add(-e.cfg.EventRetention)
	deliveries, attempts, err := st.PruneWebhookLog(ctx, before)
	if err != nil && ctx.Err() == nil {
		e.log.Error("pruning the webhook delivery log", "err", err)
		return
	}
	if deliveries > 0 {
		e.log.Info("pruned the webhook delivery log", "deliveries", deliveries, "attempts", attempts, "before", before)
	}
	n, err := st.PruneEvents(ctx, before)
	if err != nil && ctx.Err() == nil {
		e.log.Error("pruning events", "err", err)
	} else if n > 0 {
		e.log.Info("pruned events", "count", n, "before", before)
	}
}

// pruneLinkRequests deletes the answered requests for links ("forgot
// password") a day after they ran: they hold addresses people typed.
func pruneLinkRequests(ctx context.Context, st *store.Store, e *env) {
	n, err := st.DeleteFinishedJobs(ctx, activation.ForgotJobKind, st.Now().Add(-24*time.Hour))
	if err != nil && ctx.Err() == nil {
		e.log.Error("pruning answered requests for links", "err", err)
	} else if n > 0 {
		e.log.Info("pruned answered requests for links", "count", n)
	}
}
