package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// waitLimit bounds how long a caller waits for a plugin that is starting
// or waiting to be restarted.
const waitLimit = 2 * time.Minute

// acquire returns the running plugin, starting it if needed and waiting
// while it starts or restarts. It fails with the plugin's last error once
// the plugin is refused, disabled or stopped.
func (h *Host) acquire(ctx context.Context, id string) (*host.Plugin, *proc, error) {
	ctx, cancel := context.WithTimeout(ctx, waitLimit)
	defer cancel()
	p := h.proc(id)
	p.ensure(h)
	for {
		p.mu.Lock()
		pl, on, last, ch := p.running, p.supervising, p.lastErr, p.changed
		p.mu.Unlock()
		switch {
		case pl != nil:
			return pl, p, nil
		case !on && last != "":
			return nil, nil, errors.New(last)
		case !on:
			return nil, nil, fmt.Errorf("plugin %s is not running", id)
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("plugin %s did not start in time: %s", id, last)
		}
	}
}

// configured returns the running plugin with the instance's current
// configuration sent to it.
func (h *Host) configured(ctx context.Context, in *model.PluginInstance) (*host.Plugin, host.Ref, error) {
	ref := host.Ref{InstanceID: strconv.FormatInt(in.ID, 10), Revision: in.Revision}
	pl, p, err := h.acquire(ctx, in.PluginID)
	if err != nil {
		return nil, ref, err
	}
	p.configuring.Lock()
	defer p.configuring.Unlock()
	p.mu.Lock()
	sent := p.configured[in.ID] == in.Revision
	p.mu.Unlock()
	if sent {
		return pl, ref, nil
	}
	cfg := sdk.Config{InstanceID: ref.InstanceID, Revision: in.Revision, JSON: []byte(in.Config), Secrets: in.Secrets}
	if err := pl.Configure(ctx, cfg); err != nil {
		return nil, ref, err
	}
	p.mu.Lock()
	p.configured[in.ID] = in.Revision
	p.mu.Unlock()
	return pl, ref, nil
}

// TestConnection runs an instance's health check and records the answer.
func (h *Host) TestConnection(ctx context.Context, instanceID int64) (host.Health, error) {
	in, err := h.opt.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return host.Health{}, err
	}
	health, err := h.checkHealth(ctx, in)
	msg := health.Message
	if err != nil {
		health, msg = host.Health{Message: err.Error()}, err.Error()
	}
	h.record(in.PluginID, in.ID, "test", health.OK, "Test connection: "+msg, "")
	return health, nil
}

func (h *Host) checkHealth(ctx context.Context, in *model.PluginInstance) (host.Health, error) {
	pl, ref, err := h.configured(ctx, in)
	if err != nil {
		return host.Health{}, err
	}
	return pl.CheckHealth(ctx, ref)
}
