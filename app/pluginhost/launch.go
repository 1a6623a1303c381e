package pluginhost

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk/host"
)

// refusal is a start that retrying cannot fix: the plugin is not
// approved, its files changed, it speaks another protocol version, breaks
// the handshake or its runtime is missing. It stops that plugin without counting a crash.
type refusal struct{ err error }

func (r *refusal) Error() string { return r.err.Error() }
func (r *refusal) Unwrap() error { return r.err }

// ErrChanged marks a plugin whose files differ from what was approved.
var ErrChanged = errors.New("changed since it was approved: approve again")

// envAllowed are the only variables of Portico's environment a plugin
// gets: its locale and time zone, never a secret.
var envAllowed = []string{"LANG", "LC_ALL", "TZ"}

// launch checks a plugin against its approval and starts it.
func (h *Host) launch(id string) (*host.Plugin, error) {
	f, a, err := h.lookup(id)
	if err != nil {
		return nil, &refusal{err}
	}
	if err := runnable(f, a); err != nil {
		return nil, &refusal{err}
	}
	var data string
	if h.opt.DataDir != "" {
		data = filepath.Join(h.opt.DataDir, id)
	}
	pl, err := host.Start(h.ctx, host.Config{Dir: f.Dir, Approved: a.Digests, Env: allowedEnv(), DataDir: data,
		SocketRoot: h.sockets, Logger: pluginLogger(h.opt.Log, id), HostVersion: h.opt.HostVersion,
		NodePath: h.opt.NodePath, StartTimeout: h.opt.StartTimeout, CallTimeout: h.opt.CallTimeout,
		BatchTimeout: h.opt.BatchTimeout})
	var ve *host.VersionError
	var se *host.StartError
	// A missing runtime (no node) or a broken handshake is no crash:
	// restarting cannot help.
	if errors.As(err, &ve) || errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) ||
		errors.As(err, &se) && se.Handshake {
		return nil, &refusal{err}
	}
	return pl, err
}

// runnable says why a discovered plugin may not run, if it may not.
func runnable(f Found, a model.PluginApproval) error {
	switch {
	case f.Err != nil:
		return f.Err
	case !a.Approved():
		return fmt.Errorf("plugin %s is not approved", f.ID())
	case a.Disabled:
		return fmt.Errorf("plugin %s is disabled: %s", f.ID(), a.DisabledReason)
	}
	if err := f.Manifest.Verify(f.Dir, a.Digests); err != nil {
		return fmt.Errorf("plugin %s %w (%v)", f.Manifest.Label(), ErrChanged, err)
	}
	return nil
}

// lookup finds a plugin's folder and what admins decided about it.
func (h *Host) lookup(id string) (Found, model.PluginApproval, error) {
	found, err := discover(h.opt.Dir)
	if err != nil {
		return Found{}, model.PluginApproval{}, err
	}
	approvals, err := h.opt.Store.PluginApprovals(h.ctx)
	if err != nil {
		return Found{}, model.PluginApproval{}, err
	}
	for _, f := range found {
		if f.ID() == id {
			return f, approvals[id], nil
		}
	}
	return Found{}, model.PluginApproval{}, fmt.Errorf("plugin %s: %w: no folder of %s holds it", id, model.ErrNotFound, h.opt.Dir)
}

func allowedEnv() []string {
	var env []string
	for _, k := range envAllowed {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}
