package host

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/hashicorp/go-plugin"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// Start checks the plugin folder against its approval, starts the plugin,
// completes the handshake and checks GetInfo against the manifest. On any
// failure nothing is left running.
func Start(ctx context.Context, cfg Config) (*Plugin, error) {
	cfg.defaults()
	m, err := manifest.Load(cfg.Dir)
	if err != nil {
		return nil, err
	}
	if err := m.Verify(cfg.Dir, cfg.Approved); err != nil {
		return nil, err
	}
	if len(wire.Overlap(m.ProtocolVersions, wire.Protocols)) == 0 {
		return nil, &VersionError{Plugin: m.Label(), PluginVersions: m.ProtocolVersions, HostVersions: wire.Protocols}
	}
	sockets, err := os.MkdirTemp(cfg.SocketRoot, "portico-plugin-")
	if err != nil {
		return nil, fmt.Errorf("plugin %s: socket directory: %w", m.Label(), err)
	}
	// Unix socket paths are limited to about 104 bytes, and plugins add a
	// name of up to 30; fail here rather than with an obscure dial error.
	if len(sockets) > 70 {
		os.RemoveAll(sockets)
		return nil, fmt.Errorf("plugin %s: socket directory %s is too long for Unix sockets; use a shorter SocketRoot", m.Label(), sockets)
	}
	cmd, err := command(cfg, m, sockets)
	if err != nil {
		os.RemoveAll(sockets)
		return nil, err
	}
	stderr := newRing(16 << 10)
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: wire.Handshake, VersionedPlugins: hostSets(), Cmd: cmd,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC}, AutoMTLS: true, SkipHostEnv: true,
		StartTimeout: cfg.StartTimeout, Logger: cfg.Logger.Named(m.ID), Stderr: stderr, SyncStdout: cfg.Stdout,
		UnixSocketConfig: &plugin.UnixSocketConfig{TempDir: sockets},
	})
	p := &Plugin{manifest: m, cfg: cfg, client: client, cmd: cmd, stderr: stderr, sockets: sockets}
	if err := p.connect(ctx); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// command builds the plugin's command line and its whole environment.
func command(cfg Config, m *manifest.Manifest, sockets string) (*exec.Cmd, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	entry := filepath.Join(dir, filepath.FromSlash(m.Entrypoint))
	cmd := exec.Command(entry)
	if m.Runtime == manifest.RuntimeNode {
		node, err := exec.LookPath(cfg.NodePath)
		if err != nil {
			return nil, fmt.Errorf("plugin %s needs Node.js: %w", m.Label(), err)
		}
		cmd = exec.Command(node, entry)
	}
	cmd.Dir = dir
	cmd.Env = append([]string{"PLUGIN_UNIX_SOCKET_DIR=" + sockets, "TMPDIR=" + sockets}, cfg.Env...)
	if cfg.DataDir != "" {
		data, err := filepath.Abs(cfg.DataDir)
		if err == nil {
			err = os.MkdirAll(data, 0o700)
		}
		if err != nil {
			return nil, fmt.Errorf("plugin %s: data directory: %w", m.Label(), err)
		}
		cmd.Env = append(cmd.Env, sdk.DataDirEnv+"="+data)
	}
	ownGroup(cmd)
	return cmd, nil
}

// startError turns go-plugin's start failures into messages that say what
// the plugin did wrong.
func (p *Plugin) startError(err error) error {
	msg := err.Error()
	e := &StartError{Plugin: p.manifest.Label(), Reason: msg, StderrTail: p.stderr.String(), Err: err}
	switch {
	case strings.Contains(msg, "timeout while waiting for plugin to start"):
		e.Reason = fmt.Sprintf("did not complete the handshake within %s (is it a Portico plugin built with the SDK?)",
			p.cfg.StartTimeout)
		e.Handshake = true
	case strings.HasPrefix(msg, "Unrecognized remote plugin message"):
		first, _, _ := strings.Cut(strings.TrimPrefix(msg, "Unrecognized remote plugin message: "), "\n")
		e.Reason = fmt.Sprintf("wrote %q to stdout before the handshake; a plugin must write nothing "+
			"to stdout (log to stderr instead)", first)
		e.Handshake = true
	case strings.Contains(msg, "incompatible API version"):
		return p.versionError(msg)
	case strings.Contains(msg, "exited before we could connect"):
		e.Reason = "exited before completing the handshake"
	}
	return e
}

// versionError parses go-plugin's "Plugin version: N" to name both sides.
func (p *Plugin) versionError(msg string) error {
	var v int
	if i := strings.Index(msg, "Plugin version: "); i >= 0 {
		fmt.Sscanf(msg[i+len("Plugin version: "):], "%d", &v)
	}
	return &VersionError{Plugin: p.manifest.Label(), PluginVersions: []int{v}, HostVersions: wire.Protocols}
}
