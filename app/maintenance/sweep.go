package maintenance

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/store"
)

// Kind is the job kind of a sweep.
const Kind = "maintenance"

// Interval is how long after one sweep ends the next one starts.
const Interval = time.Hour

// Deps is what a sweep needs.
type Deps struct {
	Store *store.Store
	Log   *slog.Logger
	// Retention is how long events and finished webhook deliveries stay.
	Retention time.Duration
	// KeepJobs says, for kinds of job whose rows are of no use once they
	// ended, how long an ended one is kept. A sweep's own kind is always
	// kept a week.
	KeepJobs map[string]time.Duration
}

// Swept counts what one sweep deleted; it is the job's progress.
type Swept struct {
	Sessions       int64 `json:"sessions"`
	PortalSessions int64 `json:"portal_sessions"`
	Exports        int   `json:"exports"`
	Deliveries     int64 `json:"deliveries"`
	Attempts       int64 `json:"attempts"`
	Events         int64 `json:"events"`
	Jobs           int64 `json:"jobs"`
}

// Register makes the runner sweep every Interval.
func Register(r *jobs.Runner, d Deps) {
	r.Every(Kind, Interval, func(ctx context.Context, t *jobs.Task) error {
		s, err := Sweep(ctx, d)
		b, _ := json.Marshal(s)
		if serr := t.Save(ctx, string(b), ""); err == nil {
			err = serr
		}
		if s != (Swept{}) {
			d.Log.Info("maintenance: swept", "sessions", s.Sessions, "portal_sessions", s.PortalSessions,
				"exports", s.Exports, "deliveries", s.Deliveries, "attempts", s.Attempts, "events", s.Events, "jobs", s.Jobs)
		}
		return err
	})
}

// Sweep deletes what has expired, in order: sessions, the links of the
// mailbox's copies that no longer work, export files, then
// the delivery log before events, since an event is kept while a delivery
// refers to it, so the deliveries pruned first free their events at once.
// It stops at the first error and returns what it swept until then.
func Sweep(ctx context.Context, d Deps) (s Swept, err error) {
	if s.Sessions, err = d.Store.DeleteExpiredSessions(ctx); err != nil {
		return s, fmt.Errorf("maintenance: sessions: %w", err)
	}
	if s.PortalSessions, err = d.Store.DeleteExpiredPortalSessions(ctx); err != nil {
		return s, fmt.Errorf("maintenance: portal sessions: %w", err)
	}
	if err = d.Store.RedactDeadLinks(ctx); err != nil {
		return s, fmt.Errorf("maintenance: redact dead links: %w", err)
	}
	if s.Exports, err = exports.Sweep(ctx, exports.Deps{Store: d.Store}); err != nil {
		return s, fmt.Errorf("maintenance: exports: %w", err)
	}
	before := d.Store.Now().Add(-d.Retention)
	if s.Deliveries, s.Attempts, err = d.Store.PruneWebhookLog(ctx, before); err != nil {
		return s, fmt.Errorf("maintenance: webhook log: %w", err)
	}
	if s.Events, err = d.Store.PruneEvents(ctx, before); err != nil {
		return s, fmt.Errorf("maintenance: events: %w", err)
	}
	for kind, keep := range d.keepJobs() {
		n, err := d.Store.DeleteFinishedJobs(ctx, kind, d.Store.Now().Add(-keep))
		if s.Jobs += n; err != nil {
			return s, fmt.Errorf("maintenance: jobs: %w", err)
		}
	}
	return s, nil
}

func (d Deps) keepJobs() map[string]time.Duration {
	keep := map[string]time.Duration{Kind: 7 * 24 * time.Hour}
	for kind, k := range d.KeepJobs {
		keep[kind] = k
	}
	return keep
}
