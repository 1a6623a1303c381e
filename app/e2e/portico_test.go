package e2e

import (
	"context"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// portico is a real Portico server on a loopback port with its own
// database, stopped when its test ends.
type portico struct {
	URL    string
	Store  *store.Store
	Config *config.Config
}

// startPortico starts a server on a fresh database. Each prepare function
// runs on the store before the server starts, for data that needs the
// store's clock moved while nothing else reads it.
func startPortico(t *testing.T, prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	return startConfigured(t, nil, prepare...)
}

// startIdle is startPortico with no worker running, for a test that plays
// a worker itself through the store.
func startIdle(t *testing.T, prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	return start(t, nil, serving{idle: true}, prepare...)
}

// startConfigured is startPortico with the configuration adjusted by
// adjust first (when not nil), which is handed the listening port.
func startConfigured(t *testing.T, adjust func(cfg *config.Config, port int), prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	return start(t, adjust, serving{}, prepare...)
}

func start(t *testing.T, adjust func(cfg *config.Config, port int), how serving, prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	needBrowser(t)
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel, cfg.LoginPerMin = ln.Addr().String(), filepath.Join(t.TempDir(), "portico.db"), "warn", 100
	if adjust != nil {
		adjust(cfg, ln.Addr().(*net.TCPAddr).Port)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, p := range prepare {
		p(t, st)
	}
	how.logs = &serverLog{t: t}
	serve(t, cfg, st, ln, how)
	return &portico{URL: strings.TrimSuffix(cfg.BaseURL, "/"), Store: st, Config: cfg}
}

// serving says how serve runs Portico.
type serving struct {
	// logs fails the test when the server logged an error, which is what
	// a 500 does.
	logs *serverLog
	// plugins is the plugin host, or nil for none.
	plugins *pluginhost.Host
	// idle leaves the workers stopped.
	idle bool
}

// serve runs Portico as `portico serve` wires it (app.Wire, every
// worker started by Start) on ln until the test ends.
func serve(t *testing.T, cfg *config.Config, st *store.Store, ln net.Listener, how serving) {
	t.Helper()
	logs := how.logs
	ctx, cancel := context.WithCancel(context.Background())
	p, err := app.Wire(ctx, cfg, slog.New(logs.handler()), st, how.plugins)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Web.Serve(ctx, ln) }()
	p.Jobs.Poll, p.Hooks.Poll = 50*time.Millisecond, 50*time.Millisecond
	stop := func() {}
	if !how.idle {
		stop = p.Start(ctx)
	}
	t.Cleanup(func() {
		cancel()
		stop()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
		if n := logs.errors.Load(); n > 0 {
			t.Errorf("the server logged %d errors (a 500 or worse); see the log above", n)
		}
	})
}
