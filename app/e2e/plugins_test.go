package e2e

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// TestAdminApprovesAndConfiguresAPlugin approves the hello-go example
// after reviewing its files, adds an instance from the form generated
// from its schema, tests its connection in place, and imports from it:
// a dry run, then the import, each followed to the end. With
// PORTICO_SCREENSHOTS set it saves Admin > Plugins at desktop and phone
// widths.
func TestAdminApprovesAndConfiguresAPlugin(t *testing.T) {
	app := startPluginPortico(t)
	p := adminPage(t, app)
	p.open("/admin/plugins")
	p.waitText("table.plugins", "Not Approved") // badges are capitalised
	p.click(`table.plugins a[href="/admin/plugins/hello-go"]`)
	p.click(`a[href="/admin/plugins/hello-go/approve"]`)
	p.waitText("table.files", "bin/hello-go")
	p.click(`form button.primary`)
	p.waitText(".toasts", "Plugin approved")
	for range 100 { // it starts in the background
		if strings.Contains(strings.Join(p.texts(".page-head .badge"), ""), "Running") {
			break
		}
		time.Sleep(100 * time.Millisecond)
		p.open("/admin/plugins/hello-go")
	}
	p.waitText(".page-head .badge", "Running")
	p.click(`a[href="/admin/plugins/hello-go/instances/new"]`)
	p.fill(`input[name="name"]`, "Sales directory")
	p.fill(`input[name="f_count"]`, "12")
	p.fill(`input[name="f_domain"]`, "sales.test")
	p.click(`form button.primary`)
	p.waitText(".toasts", "Instance saved")
	p.click(`#main form[hx-post] button`)
	p.waitText("#check", "Ready to generate 12 records at sales.test")

	p.open("/contacts/import")
	p.click(`a[href="/contacts/import/source"]`)
	p.waitText("fieldset.choices", "Hello (Go): Sales directory")
	p.click(`button[value="dry"]`)
	p.waitText("#progress h2", "Finished")
	p.waitText("#progress .count-created", "10") // 12 records: two companies and 10 contacts
	if n := p.texts("#progress .count-failed dd"); len(n) != 1 || n[0] != "0" {
		t.Errorf("dry run failed rows %q", n)
	}
	p.click(`#progress a.primary`)
	p.click(`button[value="start"]`)
	p.waitText("#progress h2", "Finished")
	p.waitText("#progress .count-created", "10")
	p.open("/contacts")
	p.waitText("#results", "Person 11")
	if dir := os.Getenv("PORTICO_SCREENSHOTS"); dir != "" {
		p.open("/admin/plugins")
		p.waitText("table.plugins", "Running")
		p.screenshotAt(1366, filepath.Join(dir, "admin-plugins-1366.png"))
		p.screenshotAt(390, filepath.Join(dir, "admin-plugins-390.png"))
		p.open("/admin/plugins/hello-go")
		p.screenshotAt(390, filepath.Join(dir, "admin-plugin-390.png"))
	}
}

// screenshotAt saves the page at a viewport width.
func (p *page) screenshotAt(width int64, path string) {
	p.t.Helper()
	p.do(chromedp.EmulateViewport(width, 900))
	p.screenshot(path)
}

// startPluginPortico is startPortico with a plugin host whose plugins
// folder holds the hello-go example, built for the test.
func startPluginPortico(t *testing.T) *portico { return startExamplePortico(t, "hello-go", nil, nil) }

// startExamplePortico starts Portico with a plugin host whose plugins
// folder holds the example plugin name, built for the test. adjust
// changes the configuration for the port it listens on; prepare runs
// before it serves, to approve the plugin or configure an instance.
func startExamplePortico(t *testing.T, name string, adjust func(cfg *config.Config, port int),
	prepare func(*pluginhost.Host, *store.Store)) *portico {
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
	testkit.InstallGoPlugin(t, cfg.PluginsDir, filepath.Join("..", "..", "plugins", "examples", name))
	st, err := store.Open(context.Background(), cfg.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &serverLog{t: t}
	h, err := pluginhost.New(pluginhost.Options{Dir: cfg.PluginsDir, Store: st, Log: slog.New(logs.handler())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	if prepare != nil {
		prepare(h, st)
	}
	serve(t, cfg, st, ln, serving{logs: logs, plugins: h})
	return &portico{URL: strings.TrimSuffix(cfg.BaseURL, "/"), Store: st, Config: cfg}
}
