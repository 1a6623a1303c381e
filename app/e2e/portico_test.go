package e2e

import (
	"context"
	"log/slog"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
)

// portico is a real Portico server on a loopback port with its own
// database, stopped when its test ends.
type portico struct {
	URL   string
	Store *store.Store
}

// startPortico starts a server on a fresh database. Each prepare function
// runs on the store before the server starts, for data that needs the
// store's clock moved while nothing else reads it.
func startPortico(t *testing.T, prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	return startPorticoWith(t, nil, prepare...)
}

// startPorticoWith is startPortico with configure adjusting the
// configuration first, when it is not nil.
func startPorticoWith(t *testing.T, configure func(*config.Config), prepare ...func(*testing.T, *store.Store)) *portico {
	t.Helper()
	needBrowser(t)
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel, cfg.LoginPerMin = ln.Addr().String(), filepath.Join(t.TempDir(), "portico.db"), "warn", 100
	if configure != nil {
		configure(cfg)
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
	serve(t, cfg, st, ln)
	return &portico{URL: cfg.BaseURL, Store: st}
}

// serve runs the web server and its background jobs on ln until the
// test ends; it fails the test when the server logged an error, which is
// what a 500 does.
func serve(t *testing.T, cfg *config.Config, st *store.Store, ln net.Listener) {
	t.Helper()
	logs := &serverLog{t: t}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := web.New(ctx, cfg, slog.New(logs.handler()), st)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	jobsDone := make(chan struct{})
	srv.Jobs().Poll = 50 * time.Millisecond
	go func() { srv.Jobs().Run(ctx); close(jobsDone) }()
	t.Cleanup(func() {
		cancel()
		<-jobsDone
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
		if n := logs.errors.Load(); n > 0 {
			t.Errorf("the server logged %d errors (a 500 or worse); see the log above", n)
		}
	})
}
