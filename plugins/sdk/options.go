package sdk

import (
	"context"
	"encoding/json"
	"os"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"

	"github.com/portico-hub/portico/plugins/sdk/internal/wire"
)

// Option changes how Serve runs.
type Option func(*options)

type options struct {
	debug   *debugServe
	dataDir *string
}

// WithDataDir gives the plugin a data directory in place of the one the
// host names in PORTICO_PLUGIN_DATA_DIR, e.g. a test's temporary folder.
func WithDataDir(dir string) Option {
	return func(o *options) { o.dataDir = &dir }
}

type debugServe struct {
	ctx    context.Context
	attach func(reattach string)
}

// WithDebug serves inside the current process until ctx ends, for a plugin
// run under a debugger or in a test. Instead of the stdout handshake, attach
// receives a JSON document that the host's Attach connects to. Debug mode
// has no AutoMTLS, so never use it in production.
func WithDebug(ctx context.Context, attach func(reattach string)) Option {
	return func(o *options) { o.debug = &debugServe{ctx: ctx, attach: attach} }
}

func (d *debugServe) testConfig() *plugin.ServeTestConfig {
	ch := make(chan *plugin.ReattachConfig, 1)
	go func() {
		select {
		case rc := <-ch:
			b, _ := json.Marshal(wire.Reattach{Protocol: rc.ProtocolVersion,
				Network: rc.Addr.Network(), Address: rc.Addr.String(), Pid: rc.Pid})
			d.attach(string(b))
		case <-d.ctx.Done():
		}
	}()
	return &plugin.ServeTestConfig{Context: d.ctx, ReattachConfigCh: ch}
}

// watchParent exits the plugin when its host is gone. go-plugin cannot see
// a host killed with SIGKILL, and an orphaned plugin would run for ever.
// A notifier first lets its sends in flight finish and reach its ledger
// (led, nil for other kinds), for at most drainLimit.
func watchParent(log hclog.Logger, parent int, led *ledger) {
	for range time.Tick(time.Second) {
		if os.Getppid() != parent {
			log.Error("the host process is gone; exiting", "host_pid", parent)
			if led != nil {
				led.drain(drainLimit)
			}
			os.Exit(2)
		}
	}
}

// drainLimit bounds how long an orphaned notifier waits for its sends.
const drainLimit = 30 * time.Second
