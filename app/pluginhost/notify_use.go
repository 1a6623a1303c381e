package pluginhost

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// ErrChannelUnusable wraps the error of a Send or ValidateAddress whose
// plugin cannot serve at all (not approved, changed, disabled, refused,
// or its instance deleted): waiting will not help, falling back will.
var ErrChannelUnusable = errors.New("the channel's plugin is not available")

// notifier returns an instance configured on its running plugin.
func (h *Host) notifier(ctx context.Context, instanceID int64) (*host.Plugin, host.Ref, *model.PluginInstance, error) {
	in, err := h.opt.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return nil, host.Ref{}, nil, fmt.Errorf("%w: %w", ErrChannelUnusable, err)
	}
	pl, ref, err := h.configured(ctx, in)
	if err != nil && h.gone(in.PluginID) {
		err = fmt.Errorf("%w: %w", ErrChannelUnusable, err)
	}
	return pl, ref, in, err
}

// Usable says whether a notifier instance can carry messages now, by
// its plugin's state; it never starts the plugin. name is the channel's
// name; reason says why it cannot.
func (h *Host) Usable(ctx context.Context, instanceID int64) (name, reason string, ok bool) {
	in, err := h.opt.Store.PluginInstance(ctx, instanceID)
	if err != nil {
		return fmt.Sprintf("channel %d", instanceID), "its configuration was deleted", false
	}
	name = in.PluginID + ": " + in.Name
	st, err := h.Get(ctx, in.PluginID)
	switch {
	case err != nil:
		return name, "its plugin is no longer installed", false
	case st.Manifest != nil:
		name = st.Manifest.Name + ": " + in.Name
	}
	if !usable(st.State) {
		reason = "its plugin is " + string(st.State)
		if st.Reason != "" {
			reason += " (" + st.Reason + ")"
		}
		return name, reason, false
	}
	return name, "", true
}
