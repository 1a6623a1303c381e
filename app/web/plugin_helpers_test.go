package web_test

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// newPluginServer is newTestServer with a plugin host over a plugins
// folder holding the hello-go example, built for the test.
func newPluginServer(t *testing.T) *testServer { return newExampleServer(t, "hello-go") }

// newExampleServer is newTestServer with a plugin host over a plugins
// folder holding the example plugin name, built for the test.
func newExampleServer(t *testing.T, name string) *testServer {
	t.Helper()
	ts, _ := newHostServer(t, func(t *testing.T, plugins string) { installExample(t, plugins, name) })
	return ts
}

// newHostServer is newTestServer with a plugin host over a plugins folder
// that install fills.
func newHostServer(t *testing.T, install func(t *testing.T, plugins string)) (*testServer, *pluginhost.Host) {
	t.Helper()
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel = "127.0.0.1:0", filepath.Join(t.TempDir(), "p.db"), "error"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	install(t, cfg.PluginsDir)
	st, err := store.Open(context.Background(), cfg.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	h, err := pluginhost.New(pluginhost.Options{Dir: cfg.PluginsDir, Store: st, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	p, err := app.Wire(context.Background(), cfg, log, st, h)
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{t: t, srv: p.Web, jobs: p.Jobs, store: st, cfg: cfg}, h
}

// installExample builds the example plugin name into plugins/name with
// its manifest.
func installExample(t *testing.T, plugins, name string) {
	t.Helper()
	src := filepath.Join("..", "..", "plugins", "examples", name)
	dir := filepath.Join(plugins, name)
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", name), ".")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", name, err, out)
	}
	m, err := os.ReadFile(filepath.Join(src, "plugin.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plugin.json"), m, 0o644); err != nil {
		t.Fatal(err)
	}
}
