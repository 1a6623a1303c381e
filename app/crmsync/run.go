package crmsync

import (
	"context"
	"errors"
	"time"
)

// ErrNotRunning is returned by a sync of a connector whose first sync has
// not been confirmed.
var ErrNotRunning = errors.New("crmsync: the connector's first sync has not been confirmed")

// SyncNow runs one connector: the remote's changes in, then Portico's
// out. A paused connector, or one backing off after an outage, does
// nothing; its changes wait. An outage ends the run, backs the connector
// off (doubling up to MaxBackoff, or as long as the remote asked) and is
// returned; failures of single records are recorded and do not.
func (e *Engine) SyncNow(ctx context.Context, instanceID int64) error {
	defer e.lock(instanceID)()
	r, err := e.newRun(ctx, instanceID)
	if err != nil {
		return err
	}
	switch {
	case r.conn.State != "running":
		return ErrNotRunning
	case r.conn.Paused:
		return nil
	case r.conn.BackoffUntil != nil && r.conn.BackoffUntil.After(e.Store.Now()):
		return nil
	}
	err = r.pull(ctx)
	if err == nil {
		err = r.push(ctx)
	}
	return e.finish(ctx, r, err)
}

// PushNow sends Portico's pending changes of one connector, as the event
// worker does when events commit.
func (e *Engine) PushNow(ctx context.Context, instanceID int64) error {
	defer e.lock(instanceID)()
	r, err := e.newRun(ctx, instanceID)
	if err != nil {
		return err
	}
	if r.conn.State != "running" || r.conn.Paused || (r.conn.BackoffUntil != nil && r.conn.BackoffUntil.After(e.Store.Now())) {
		return nil
	}
	err = r.push(ctx)
	if err == nil && r.conn.LastError == "" && r.conn.Outages == 0 {
		return nil // nothing to record: the run the page shows is the last full sync
	}
	return e.finish(ctx, r, err)
}

// finish records how a run ended and backs the connector off after an
// outage.
func (e *Engine) finish(ctx context.Context, r *run, err error) error {
	if err == nil {
		return e.Store.SetCRMRun(context.WithoutCancel(ctx), r.conn.InstanceID, "", 0, nil)
	}
	outages := r.conn.Outages + 1
	wait := time.Duration(1<<min(outages, 12)) * 5 * time.Second
	var o *outage
	if errors.As(err, &o) && o.after > 0 {
		wait = o.after
	}
	wait = min(wait, cmp(e.MaxBackoff, time.Hour))
	until := e.Store.Now().Add(wait)
	if rerr := e.Store.SetCRMRun(context.WithoutCancel(ctx), r.conn.InstanceID, err.Error(), outages, &until); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

func cmp(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Resume clears a connector's backoff, for "Sync now" after an outage
// was fixed.
func (e *Engine) Resume(ctx context.Context, instanceID int64) error {
	return e.Store.ClearCRMBackoff(ctx, instanceID)
}
