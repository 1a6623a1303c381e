package sdk

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

// Version is this SDK's version, reported to the host in Info.SDK.
const Version = "1.0.0"

// Serve runs the plugin until the host stops it, then exits the process.
// It refuses to start when p is incomplete. Only WithDebug makes it return.
func Serve(p Plugin, opts ...Option) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	log := Logger(p.Info.ID)
	if err := check(p); err != nil {
		log.Error("cannot serve the plugin", "error", err)
		os.Exit(1)
	}
	p.Info.SDK = "go " + Version
	led, err := notifierLedger(p, o)
	if err != nil {
		log.Error("cannot open the notifier's ledger", "error", err)
		os.Exit(1)
	}
	cfg := &plugin.ServeConfig{HandshakeConfig: wire.Handshake, VersionedPlugins: versionedSets(p, led),
		GRPCServer: plugin.DefaultGRPCServer, Logger: log}
	if o.debug != nil {
		// go-plugin logs the listener's closing as an error; in debug mode
		// the test or debugger owns the lifetime, so its log is dropped.
		cfg.Test, cfg.Logger = o.debug.testConfig(), hclog.NewNullLogger()
	} else {
		go watchParent(log, os.Getppid(), led)
	}
	plugin.Serve(cfg)
}

// Logger returns the logger plugins should use: JSON lines on stderr, which
// the host re-logs with their levels. Never log to stdout.
func Logger(name string) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{Name: name, Level: hclog.Info, Output: os.Stderr, JSONFormat: true})
}

func check(p Plugin) error {
	switch {
	case p.Info.ID == "" || p.Info.Version == "":
		return fmt.Errorf("Info.ID and Info.Version are required")
	case len(p.Info.Kinds) == 0:
		return fmt.Errorf("Info.Kinds is empty: say what the plugin does (importer, ...)")
	case p.Configure == nil:
		return fmt.Errorf("Configure is nil")
	case len(p.Info.ConfigSchema) > 0 && !json.Valid(p.Info.ConfigSchema):
		return fmt.Errorf("Info.ConfigSchema is not valid JSON")
	case hasNotifier(p.Info.Kinds):
		return checkNotifier(p.Info)
	}
	return nil
}

// versionedSets builds the plugin set for every protocol version the SDK
// speaks: the base service and one service per declared kind.
func versionedSets(p Plugin, led *ledger) map[int]plugin.PluginSet {
	insts := &instances{configure: p.Configure, byID: map[string]configured{}}
	sets := map[int]plugin.PluginSet{}
	for _, v := range wire.Protocols {
		info := p.Info
		info.Protocol = v
		set := plugin.PluginSet{wire.SetPlugin: &wire.Service{Register: func(s *grpc.Server) {
			pluginv1.RegisterPluginServer(s, &pluginServer{info: info, instances: insts})
		}}}
		for _, k := range info.Kinds {
			if k == KindImporter {
				set[wire.SetImporter] = &wire.Service{Register: func(s *grpc.Server) {
					pluginv1.RegisterImporterServer(s, &importerServer{instances: insts})
				}}
			}
			if k == KindNotifier {
				set[wire.SetNotifier] = notifierService(insts, led)
			}
			if k == KindCRMSync {
				set[wire.SetCRMSync] = &wire.Service{Register: func(s *grpc.Server) {
					pluginv1.RegisterCrmSyncServer(s, &crmSyncServer{instances: insts})
				}}
			}
		}
		sets[v] = set
	}
	return sets
}
