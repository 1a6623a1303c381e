package host

import (
	"context"
	"encoding/json"
	"fmt"
	"net"

	"github.com/hashicorp/go-plugin"

	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// Attach connects to a plugin served with sdk.WithDebug, given the JSON
// document it handed out. The plugin runs on; Close only disconnects. There
// is no manifest and no AutoMTLS: use it for debugging and tests only.
func Attach(ctx context.Context, reattach string, cfg Config) (*Plugin, error) {
	cfg.defaults()
	var r wire.Reattach
	if err := json.Unmarshal([]byte(reattach), &r); err != nil {
		return nil, fmt.Errorf("attach: %w", err)
	}
	addr, err := resolve(r.Network, r.Address)
	if err != nil {
		return nil, fmt.Errorf("attach: %w", err)
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: wire.Handshake, Plugins: hostSets()[r.Protocol], Logger: cfg.Logger,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Reattach: &plugin.ReattachConfig{Protocol: plugin.ProtocolGRPC, ProtocolVersion: r.Protocol,
			Addr: addr, Pid: r.Pid, Test: true},
	})
	p := &Plugin{manifest: &manifest.Manifest{ID: "attached", Version: "debug"}, cfg: cfg,
		client: client, stderr: newRing(1), attached: true}
	if err := p.connect(ctx); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

func resolve(network, address string) (net.Addr, error) {
	if network == "unix" {
		return net.ResolveUnixAddr(network, address)
	}
	return net.ResolveTCPAddr(network, address)
}
