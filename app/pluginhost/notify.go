package pluginhost

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Channel is a configured instance of a notifier plugin: what a
// notification rule can send through.
type Channel struct {
	InstanceID int64
	PluginID   string
	// Name reads "plugin name: instance name".
	Name string
	// Usable is false while the plugin is not approved, changed or
	// disabled; Reason says why.
	Usable bool
	Reason string
	// AddressKinds and Limits are what the running plugin declared;
	// empty when it could not be asked.
	AddressKinds []string
	Limits       sdk.MessageLimits
	// Reports is set when the plugin sends delivery reports.
	Reports bool
}

// askTimeout bounds how long listing channels waits for a plugin to
// start and say what it handles.
const askTimeout = 10 * time.Second

// Channels lists the instances of every discovered notifier plugin.
func (h *Host) Channels(ctx context.Context) ([]Channel, error) {
	list, err := h.List(ctx)
	if err != nil {
		return nil, err
	}
	var out []Channel
	for _, st := range list {
		if st.Manifest == nil || !slices.Contains(st.Manifest.Kinds, string(sdk.KindNotifier)) {
			continue
		}
		ins, err := h.opt.Store.PluginInstances(ctx, st.ID)
		if err != nil {
			return nil, err
		}
		info := h.notifierInfo(ctx, st)
		for _, in := range ins {
			c := Channel{InstanceID: in.ID, PluginID: st.ID, Name: st.Manifest.Name + ": " + in.Name,
				Usable: usable(st.State), Reason: st.Reason}
			if info != nil && info.Notifier != nil {
				c.AddressKinds, c.Limits = info.Notifier.AddressKinds, info.Notifier.Limits
				c.Reports = slices.Contains(info.Capabilities, sdk.CapDeliveryReports)
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// Channel returns one notifier instance as Channels lists it.
func (h *Host) Channel(ctx context.Context, instanceID int64) (Channel, error) {
	list, err := h.Channels(ctx)
	if err != nil {
		return Channel{}, err
	}
	for _, c := range list {
		if c.InstanceID == instanceID {
			return c, nil
		}
	}
	return Channel{}, fmt.Errorf("notification channel %d: %w", instanceID, model.ErrNotFound)
}

func usable(s State) bool {
	return s != StateBroken && s != StateNotApproved && s != StateChanged && s != StateDisabled && s != StateFailed
}

// notifierInfo asks a usable plugin what it declared, starting it if
// needed, within askTimeout.
func (h *Host) notifierInfo(ctx context.Context, st Status) *sdk.Info {
	if !usable(st.State) || h.opt.Offline {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, askTimeout)
	defer cancel()
	pl, _, err := h.acquire(ctx, st.ID)
	if err != nil {
		return nil
	}
	info := pl.Info()
	return &info
}
