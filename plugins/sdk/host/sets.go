package host

import (
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

// Clients are the typed gRPC clients of one plugin. A kind's client is nil
// when the plugin does not declare that kind.
type Clients struct {
	Plugin   pluginv1.PluginClient
	Importer pluginv1.ImporterClient
	CRMSync  pluginv1.CrmSyncClient
	Notifier pluginv1.NotifierClient
}

// hostSets is the host's side of every protocol version it speaks.
func hostSets() map[int]plugin.PluginSet {
	sets := map[int]plugin.PluginSet{}
	for _, v := range wire.Protocols {
		sets[v] = plugin.PluginSet{
			wire.SetPlugin:   dial(func(c *grpc.ClientConn) any { return pluginv1.NewPluginClient(c) }),
			wire.SetImporter: dial(func(c *grpc.ClientConn) any { return pluginv1.NewImporterClient(c) }),
			wire.SetCRMSync:  dial(func(c *grpc.ClientConn) any { return pluginv1.NewCrmSyncClient(c) }),
			wire.SetNotifier: dial(func(c *grpc.ClientConn) any { return pluginv1.NewNotifierClient(c) }),
		}
	}
	return sets
}

func dial(f func(*grpc.ClientConn) any) *wire.Service { return &wire.Service{Dial: f} }

// dispense fetches the typed clients; for gRPC this never reaches the
// plugin, so the kinds GetInfo declared decide which are used.
func dispense(rpc plugin.ClientProtocol) (Clients, error) {
	var c Clients
	raw, err := rpc.Dispense(wire.SetPlugin)
	if err != nil {
		return c, err
	}
	c.Plugin = raw.(pluginv1.PluginClient)
	for name, dst := range map[string]any{wire.SetImporter: &c.Importer, wire.SetCRMSync: &c.CRMSync, wire.SetNotifier: &c.Notifier} {
		raw, err := rpc.Dispense(name)
		if err != nil {
			return c, err
		}
		switch d := dst.(type) {
		case *pluginv1.ImporterClient:
			*d = raw.(pluginv1.ImporterClient)
		case *pluginv1.CrmSyncClient:
			*d = raw.(pluginv1.CrmSyncClient)
		case *pluginv1.NotifierClient:
			*d = raw.(pluginv1.NotifierClient)
		}
	}
	return c, nil
}
