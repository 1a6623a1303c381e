package host

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"sync"

	"github.com/hashicorp/go-plugin"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// Plugin is one running plugin process.
type Plugin struct {
	manifest *manifest.Manifest
	cfg      Config
	client   *plugin.Client
	cmd      *exec.Cmd
	rpc      plugin.ClientProtocol
	clients  Clients
	info     sdk.Info
	stderr   *ring
	sockets  string
	attached bool
	once     sync.Once
}

// connect completes the handshake, dispenses the clients and checks the
// plugin's self-description against its manifest.
func (p *Plugin) connect(ctx context.Context) error {
	rpc, err := p.client.Client()
	if err != nil {
		return p.startError(err)
	}
	p.rpc = rpc
	if p.clients, err = dispense(rpc); err != nil {
		return p.startError(err)
	}
	if err := p.loadInfo(ctx); err != nil {
		return err
	}
	p.info.Protocol = p.client.NegotiatedVersion()
	return nil
}

func (p *Plugin) loadInfo(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.CallTimeout)
	defer cancel()
	info, err := p.clients.Plugin.GetInfo(ctx, &pluginv1.GetInfoRequest{HostVersion: p.cfg.HostVersion})
	if err != nil {
		return p.callError("GetInfo", err, nil)
	}
	p.info = sdk.InfoFromProto(info)
	if p.attached {
		p.manifest.ID, p.manifest.Version = p.info.ID, p.info.Version
		return nil
	}
	return checkInfo(p.manifest, p.info)
}

// checkInfo refuses a plugin whose self-description contradicts the
// manifest the admin approved.
func checkInfo(m *manifest.Manifest, i sdk.Info) error {
	var kinds []string
	for _, k := range i.Kinds {
		kinds = append(kinds, string(k))
	}
	slices.Sort(kinds)
	want := slices.Sorted(slices.Values(m.Kinds))
	switch {
	case i.ID != m.ID:
		return fmt.Errorf("plugin %s: GetInfo says id %q, plugin.json says %q", m.Label(), i.ID, m.ID)
	case i.Version != m.Version:
		return fmt.Errorf("plugin %s: GetInfo says version %q, plugin.json says %q", m.Label(), i.Version, m.Version)
	case !slices.Equal(kinds, want):
		return fmt.Errorf("plugin %s: GetInfo says kinds %v, plugin.json says %v", m.Label(), kinds, want)
	case !slices.Contains(m.ProtocolVersions, i.Protocol):
		return fmt.Errorf("plugin %s: serves protocol %d, plugin.json says %v", m.Label(), i.Protocol, m.ProtocolVersions)
	}
	return nil
}

// Info is what the plugin said about itself, with the negotiated protocol.
func (p *Plugin) Info() sdk.Info { return p.info }

// Manifest is the plugin's checked plugin.json.
func (p *Plugin) Manifest() *manifest.Manifest { return p.manifest }

// Clients returns the typed gRPC clients, for calls this package does not
// wrap. Callers must set their own deadlines.
func (p *Plugin) Clients() Clients { return p.clients }

// Pid is the plugin's process id, or 0 before it started.
func (p *Plugin) Pid() int {
	if p.cmd == nil || p.cmd.Process == nil {
		return 0
	}
	return p.cmd.Process.Pid
}

// Exited reports whether the plugin process is gone.
func (p *Plugin) Exited() bool { return p.client.Exited() }

// Ping asks the plugin's health service whether it still serves.
func (p *Plugin) Ping() error {
	if p.rpc == nil {
		return fmt.Errorf("plugin %s is not connected", p.manifest.Label())
	}
	return p.rpc.Ping()
}

// StderrTail returns the last lines the plugin wrote to stderr.
func (p *Plugin) StderrTail() string { return p.stderr.String() }

// Close asks the plugin to shut down, kills it after two seconds if it does
// not, ends its process group and removes its socket directory.
func (p *Plugin) Close() {
	p.once.Do(func() {
		pid := p.Pid()
		p.client.Kill()
		if !p.attached {
			killGroup(pid)
			os.RemoveAll(p.sockets)
		}
	})
}
