package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/portico-hub/portico/plugins/sdk"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// Options tune a run.
type Options struct {
	// Config is the instance configuration used for the checks; default {}.
	Config string
	// Secrets go with Config.
	Secrets map[string]string
	// Env is passed to the plugin.
	Env []string
	// Logger receives the plugin's logs; nil discards them.
	Logger hclog.Logger
	// Address is one a notifier accepts, for the send checks: the
	// conformance messages really go there.
	Address string
	// DataDir is given to the plugin (host.Config.DataDir).
	DataDir string
}

// Run checks the plugin in dir. The folder is approved as it is: the run
// hashes its files, as an admin's approval would.
func Run(ctx context.Context, dir string, o Options) *Report {
	r := &Report{Plugin: dir}
	var m *manifest.Manifest
	var digests map[string]string
	if !r.step("manifest", func() (err error) {
		if m, err = manifest.Load(dir); err == nil {
			r.Plugin = m.Label()
			digests, err = m.Digests(dir)
		}
		return err
	}) {
		return r
	}
	var p *host.Plugin
	stdout := &syncBuffer{}
	if !r.step("handshake+info", func() (err error) {
		p, err = host.Start(ctx, host.Config{Dir: dir, Approved: digests, Env: o.Env, Stdout: stdout, DataDir: o.DataDir,
			Logger: o.Logger, HostVersion: "conformance", CallTimeout: 10 * time.Second})
		return err
	}) {
		return r
	}
	defer p.Close()
	r.step("health service", p.Ping)
	c := &checker{p: p, cfg: sdk.Config{InstanceID: "conformance", Revision: 1, JSON: []byte(o.Config), Secrets: o.Secrets}}
	if c.cfg.JSON == nil {
		c.cfg.JSON = []byte("{}")
	}
	r.step("unknown instance", c.unknownInstance)
	if r.step("configure", func() error { return p.Configure(ctx, c.cfg) }) {
		r.step("check health", c.health)
		if hasKind(p.Info(), sdk.KindImporter) {
			r.step("import", c.importAll)
			r.step("import resume", c.resume)
		}
		if hasKind(p.Info(), sdk.KindNotifier) {
			c.notifier(r, o)
		}
		if hasKind(p.Info(), sdk.KindCRMSync) {
			c.crmSteps(r)
		}
		r.step("stale revision", c.staleRevision)
	}
	r.step("shutdown", func() error { return shutdown(p) })
	r.step("silent stdout", func() error {
		if out := stdout.String(); out != "" {
			return fmt.Errorf("the plugin wrote to stdout, which belongs to the handshake: %.200q", out)
		}
		return nil
	})
	return r
}

// syncBuffer collects forwarded stdout from go-plugin's goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type checker struct {
	p       *host.Plugin
	cfg     sdk.Config
	batches []sdk.Batch
}

func (c *checker) ref() host.Ref {
	return host.Ref{InstanceID: c.cfg.InstanceID, Revision: c.cfg.Revision}
}

func (c *checker) health() error {
	h, err := c.p.CheckHealth(context.Background(), c.ref())
	if err == nil && !h.OK {
		err = fmt.Errorf("CheckHealth says the instance is unhealthy: %s", h.Message)
	}
	return err
}

// unknownInstance expects a call for an unconfigured instance to fail with
// not_configured, so the host knows to send Configure.
func (c *checker) unknownInstance() error {
	_, err := c.p.CheckHealth(context.Background(), host.Ref{InstanceID: "no-such-instance", Revision: 1})
	return wantKind(err, sdk.ErrNotConfigured)
}

func (c *checker) staleRevision() error {
	_, err := c.p.CheckHealth(context.Background(), host.Ref{InstanceID: c.cfg.InstanceID, Revision: c.cfg.Revision + 1})
	return wantKind(err, sdk.ErrNotConfigured)
}

func wantKind(err error, kind sdk.ErrorKind) error {
	var ce *host.CallError
	if !errors.As(err, &ce) || ce.Kind != kind {
		return fmt.Errorf("want an error of kind %s, got %v", kind, err)
	}
	return nil
}

func hasKind(i sdk.Info, k sdk.Kind) bool {
	for _, have := range i.Kinds {
		if have == k {
			return true
		}
	}
	return false
}

// shutdown expects the plugin to exit on the host's Shutdown request well
// before go-plugin's two-second kill.
func shutdown(p *host.Plugin) error {
	start := time.Now()
	p.Close()
	if took := time.Since(start); took >= 1900*time.Millisecond {
		return fmt.Errorf("the plugin took %s to exit: it must stop on GRPCController.Shutdown", took.Round(time.Millisecond))
	}
	if !p.Exited() {
		return errors.New("the plugin process is still running after Close")
	}
	if tail := p.StderrTail(); bytes.Contains([]byte(tail), []byte(`"@level":"error"`)) {
		return fmt.Errorf("the plugin logged errors:\n%s", tail)
	}
	return nil
}
