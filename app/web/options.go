package web

import "github.com/portico-hub/portico/app/pluginhost"

// Option hands New a service built by the caller.
type Option func(*Server)

// WithPlugins gives the server the plugin host that Admin > Plugins and
// plugin imports use; without it those pages say plugins are off.
func WithPlugins(h *pluginhost.Host) Option { return func(s *Server) { s.plugins = h } }
