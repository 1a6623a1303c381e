package host

import (
	"io"
	"time"

	"github.com/hashicorp/go-hclog"
)

// Config says how to start one plugin.
type Config struct {
	// Dir is the plugin folder holding plugin.json.
	Dir string
	// Approved holds the SHA-256 of every file the manifest names, as the
	// admin approved them (manifest.Digests). The plugin does not start when
	// a file differs.
	Approved map[string]string
	// Env is the whole environment the plugin gets besides go-plugin's own
	// variables ("KEY=value"); the host's environment is never passed on.
	Env []string
	// DataDir is the plugin's own directory, kept across restarts (a
	// notifier keeps its ledger of sent messages there); it is created if
	// missing and passed in PORTICO_PLUGIN_DATA_DIR. Empty gives none.
	DataDir string
	// SocketRoot is where the plugin's private socket directory is made;
	// default the system's temporary directory. A host killed with SIGKILL
	// leaves that directory behind, so a host may give its own root and
	// empty it at start.
	SocketRoot string
	// Stdout receives what a Go plugin writes to stdout after the
	// handshake (go-plugin forwards it); nil discards it.
	Stdout io.Writer
	// Logger receives the plugin's log lines; nil discards them.
	Logger hclog.Logger
	// HostVersion is Portico's version, sent in GetInfo.
	HostVersion string
	// NodePath runs plugins of runtime "node"; default "node" on PATH.
	NodePath string
	// StartTimeout bounds the handshake; default 15 s.
	StartTimeout time.Duration
	// CallTimeout bounds each unary call; default 30 s.
	CallTimeout time.Duration
	// BatchTimeout bounds the wait for each batch of a stream; default 60 s.
	BatchTimeout time.Duration
}

func (c *Config) defaults() {
	if c.Logger == nil {
		c.Logger = hclog.NewNullLogger()
	}
	if c.NodePath == "" {
		c.NodePath = "node"
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = 15 * time.Second
	}
	if c.CallTimeout <= 0 {
		c.CallTimeout = 30 * time.Second
	}
	if c.BatchTimeout <= 0 {
		c.BatchTimeout = 60 * time.Second
	}
}
