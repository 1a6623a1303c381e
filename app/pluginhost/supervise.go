package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// supervise starts a plugin and restarts it with backoff whenever it dies
// or fails its health checks, until it is stopped, refused for good (its
// files changed, it speaks another protocol) or disabled after crashing
// CrashLimit times within CrashWindow.
func (h *Host) supervise(p *proc, stop, done chan struct{}) {
	defer h.wg.Done()
	defer close(done)
	defer p.stopped()
	delay := h.opt.Backoff
	for {
		pl, err := h.launch(p.id)
		var refused *refusal
		if errors.As(err, &refused) {
			p.down(err, "")
			h.record(p.id, 0, "refused", false, err.Error(), "")
			return
		}
		tail := stderrOf(err)
		if err == nil {
			p.up(pl)
			h.record(p.id, 0, "started", true, fmt.Sprintf("Started %s (pid %d).", pl.Manifest().Label(), pl.Pid()), "")
			err = h.watch(pl, stop)
			tail = pl.StderrTail()
			if err == nil || errors.As(err, &refused) {
				p.down(err, "")
				return
			}
		}
		p.down(err, tail)
		h.record(p.id, 0, "crashed", false, err.Error(), tail)
		if n := p.crash(time.Now(), h.opt.CrashWindow); n >= h.opt.CrashLimit {
			h.disable(p.id, fmt.Sprintf("Failed %d times within %s; last: %v", n, h.opt.CrashWindow, err))
			return
		}
		select {
		case <-time.After(delay):
		case <-stop:
			return
		case <-h.ctx.Done():
			return
		}
		delay = min(2*delay, time.Minute)
		p.mu.Lock()
		p.restarts++
		p.mu.Unlock()
	}
}

// watch waits until the plugin exits, fails three health checks in a row
// or is stopped (then it returns nil after closing it).
func (h *Host) watch(pl *host.Plugin, stop chan struct{}) error {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	last, failed := time.Now(), 0
	for {
		select {
		case <-stop:
			pl.Close()
			return nil
		case <-h.ctx.Done():
			pl.Close()
			return nil
		case <-tick.C:
		}
		if pl.Exited() {
			pl.Close()
			return errors.New("the plugin process exited")
		}
		if time.Since(last) < h.opt.HealthEvery {
			continue
		}
		last = time.Now()
		if err := h.stillRunnable(pl); err != nil {
			pl.Close()
			return err
		}
		if failed = failed + 1; pl.Ping() == nil {
			failed = 0
		}
		if failed >= 3 {
			pl.Close()
			return errors.New("the plugin failed 3 health checks in a row and was restarted")
		}
	}
}

// stillRunnable notices, at each health check, a plugin disabled from the
// command line or whose files changed while it ran.
func (h *Host) stillRunnable(pl *host.Plugin) error {
	f, a, err := h.lookup(pl.Manifest().ID)
	if err == nil {
		err = runnable(f, a)
	}
	if err != nil {
		return &refusal{err}
	}
	return nil
}

// disable turns a plugin off with the reason admins see.
func (h *Host) disable(id, reason string) {
	ctx := context.WithoutCancel(h.ctx)
	if err := h.opt.Store.SetPluginDisabled(ctx, id, true, reason); err != nil {
		h.opt.Log.Error("plugins: disable", "plugin", id, "err", err)
	}
	h.record(id, 0, "disabled", false, reason, "")
	h.opt.Log.Warn("plugin disabled", "plugin", id, "reason", reason)
}

// record notes what a plugin did, for the admin page; a failure to write
// it is logged, never returned.
func (h *Host) record(id string, instance int64, kind string, ok bool, msg, detail string) {
	a := model.PluginActivity{PluginID: id, InstanceID: instance, Kind: kind, OK: ok, Message: msg, Detail: detail}
	if err := h.opt.Store.AddPluginActivity(context.WithoutCancel(h.ctx), a); err != nil {
		h.opt.Log.Error("plugins: record activity", "plugin", id, "err", err)
	}
	if !ok {
		h.opt.Log.Warn("plugin "+kind, "plugin", id, "message", msg)
	}
}

func stderrOf(err error) string {
	var se *host.StartError
	if errors.As(err, &se) {
		return se.StderrTail
	}
	return ""
}
