package pluginhost

import (
	"context"
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// State is where a plugin stands, as admins see it.
type State string

// The states of a plugin.
const (
	StateBroken      State = "broken"       // its plugin.json cannot be read
	StateNotApproved State = "not approved" // discovered, waiting for an admin
	StateChanged     State = "changed"      // its files differ from the approved ones
	StateDisabled    State = "disabled"     // by an admin, or after repeated crashes
	StateStopped     State = "stopped"      // approved, not started yet
	StateStarting    State = "starting"
	StateRunning     State = "running"
	StateCrashed     State = "crashed" // waiting to be restarted
	StateFailed      State = "failed"  // refused at start, not retried
)

// Status is one discovered plugin and how it fares.
type Status struct {
	ID       string
	Dir      string
	Manifest *manifest.Manifest // nil when broken
	Approval model.PluginApproval
	State    State
	// Reason says why the plugin is broken, changed, disabled or failed.
	Reason     string
	Restarts   int
	LastError  string
	StderrTail string
	Pid        int
}

// List returns every discovered plugin with its state, by id.
func (h *Host) List(ctx context.Context) ([]Status, error) {
	found, err := discover(h.opt.Dir)
	if err != nil {
		return nil, err
	}
	approvals, err := h.opt.Store.PluginApprovals(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Status, 0, len(found))
	for _, f := range found {
		out = append(out, h.status(f, approvals[f.ID()]))
	}
	return out, nil
}

// Get returns one plugin's status. Only that plugin's files are checked
// against their approval: pages and senders ask it for one channel, and
// hashing every plugin's binaries for that would be wasted work.
func (h *Host) Get(ctx context.Context, id string) (Status, error) {
	f, a, err := h.lookup(id)
	if err != nil {
		return Status{}, err
	}
	return h.status(f, a), nil
}

func (h *Host) status(f Found, a model.PluginApproval) Status {
	s := Status{ID: f.ID(), Dir: f.Dir, Manifest: f.Manifest, Approval: a}
	h.mu.Lock()
	p := h.procs[s.ID]
	h.mu.Unlock()
	if p != nil {
		p.mu.Lock()
		s.Restarts, s.LastError, s.StderrTail = p.restarts, p.lastErr, p.tail
		s.State = p.state()
		if p.running != nil {
			s.Pid = p.running.Pid()
		}
		p.mu.Unlock()
	}
	err := runnable(f, a)
	switch {
	case f.Err != nil:
		s.State, s.Reason = StateBroken, f.Err.Error()
	case !a.Approved():
		s.State = StateNotApproved
	case a.Disabled:
		s.State, s.Reason = StateDisabled, a.DisabledReason
	case errors.Is(err, ErrChanged):
		s.State, s.Reason = StateChanged, err.Error()
	case s.State == "":
		s.State = StateStopped
	case s.State == StateFailed:
		s.Reason = s.LastError
	}
	return s
}

// state is the process's part of the state; the caller holds mu.
func (p *proc) state() State {
	switch {
	case p.running != nil:
		return StateRunning
	case p.supervising && p.lastErr != "":
		return StateCrashed
	case p.supervising:
		return StateStarting
	case p.lastErr != "":
		return StateFailed
	}
	return ""
}

// Slug is the state as one word, for a CSS class.
func (s State) Slug() string { return strings.ReplaceAll(string(s), " ", "-") }
