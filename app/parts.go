package app

import (
	"log/slog"
	"path/filepath"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// The parts below are what the one-shot commands (admin create, import,
// plugins) need of Portico without its server. Wire builds the same parts
// the same way, so a command and the server never disagree on a setting.

// Agents is the agent service as Wire builds it.
func Agents(cfg *config.Config, st *store.Store) *agent.Service {
	return &agent.Service{Store: st, SessionTTL: cfg.SessionTTL}
}

// Imports is the import engine as Wire builds it; plugins may be nil.
func Imports(cfg *config.Config, log *slog.Logger, st *store.Store, plugins *pluginhost.Host) imports.Deps {
	return importDeps(cfg, log, st, plugins)
}

// PluginHost makes the plugin host over the configured plugins folder.
// An offline host manages approvals and instances but never runs a
// plugin: `portico plugins` uses it beside a running server.
func PluginHost(cfg *config.Config, log *slog.Logger, st *store.Store, offline bool) (*pluginhost.Host, error) {
	opt := pluginhost.Options{Dir: cfg.PluginsDir, DataDir: filepath.Join(cfg.FilesDir, "plugin-data"),
		Store: st, Log: log, HostVersion: "portico", Offline: offline}
	return pluginhost.New(opt)
}
