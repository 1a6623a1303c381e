package pluginhost

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Channel is a configured instance of an approved, enabled notifier
// plugin: a way Portico can reach contacts besides email.
type Channel struct {
	PluginID   string
	PluginName string
	Instance   model.PluginInstance
	// AddressKinds and Limits are what the plugin declared when it last
	// started; AddressKinds is empty until it has started once.
	AddressKinds []string
	Limits       sdk.MessageLimits
	State        State
}

// Label names the channel for admins: the plugin, then the instance.
func (c Channel) Label() string { return c.PluginName + " · " + c.Instance.Name }

// Channels lists the instances of every approved, enabled notifier plugin,
// by plugin id and instance name. A plugin that has not started yet is
// started, and lists its instances without address kinds meanwhile.
func (h *Host) Channels(ctx context.Context) ([]Channel, error) {
	list, err := h.List(ctx)
	if err != nil {
		return nil, err
	}
	var out []Channel
	for _, s := range list {
		if !usable(s) {
			continue
		}
		if s.State == StateStopped {
			h.proc(s.ID).ensure(h)
		}
		ins, err := h.opt.Store.PluginInstances(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		info := h.notifierInfo(s.ID)
		for _, in := range ins {
			c := Channel{PluginID: s.ID, PluginName: s.Manifest.Name, Instance: in, State: s.State}
			if info != nil {
				c.AddressKinds, c.Limits = info.AddressKinds, info.Limits
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// usable says whether a plugin is an approved, enabled notifier whose
// files are as approved.
func usable(s Status) bool {
	if s.Manifest == nil || !slices.Contains(s.Manifest.Kinds, string(sdk.KindNotifier)) {
		return false
	}
	switch s.State {
	case StateBroken, StateNotApproved, StateChanged, StateDisabled, StateFailed:
		return false
	}
	return true
}

func (h *Host) notifierInfo(id string) *sdk.NotifierInfo {
	p := h.proc(id)
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.notifier
}

// AddressKinds lists the address kinds the channels handle, each once, in
// the order the channels come.
func AddressKinds(chs []Channel) []string {
	var out []string
	for _, c := range chs {
		for _, k := range c.AddressKinds {
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// CheckAddress asks the first channel that handles kind whether it can
// deliver to address, and returns the address as the channel writes it.
// A refusal is a validation error on the field named kind, with the
// channel's reason.
func (h *Host) CheckAddress(ctx context.Context, kind, address string) (string, error) {
	chs, err := h.Channels(ctx)
	if err != nil {
		return "", err
	}
	for _, c := range chs {
		if slices.Contains(c.AddressKinds, kind) {
			return h.validate(ctx, &c.Instance, kind, address)
		}
	}
	return "", model.Invalid(kind, fmt.Sprintf("No channel handles %s addresses now: ask an admin to check Admin > Plugins.", kind))
}

// checkLimit bounds how long a person waits for a channel to check an
// address; unchecked is what they read when it could not.
const (
	checkLimit = 15 * time.Second
	unchecked  = "The channel could not check this address just now. Try again in a minute; if it keeps failing, an admin can see why under Admin > Plugins."
)

func (h *Host) validate(ctx context.Context, in *model.PluginInstance, kind, address string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, checkLimit)
	defer cancel()
	pl, ref, err := h.configured(ctx, in)
	if err != nil {
		h.record(in.PluginID, in.ID, "validate", false, "Check address: "+err.Error(), "")
		return "", model.Invalid(kind, unchecked)
	}
	check, err := pl.ValidateAddress(ctx, ref, kind, address)
	if err != nil {
		h.record(in.PluginID, in.ID, "validate", false, "Check address: "+err.Error(), "")
		return "", model.Invalid(kind, unchecked)
	}
	if !check.Valid {
		return "", model.Invalid(kind, check.Reason)
	}
	return check.Normalized, nil
}
