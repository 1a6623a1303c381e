package e2e

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// browser is the one Chromium every test of this binary shares; each test
// opens its own tab in its own browser context (separate cookies). It is
// nil when there is no browser, and noBrowser says why.
var (
	browser   context.Context
	noBrowser string
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if testing.Short() {
		noBrowser = "browser tests do not run with -short"
		return m.Run()
	}
	path, err := chromePath()
	if err != nil {
		noBrowser = err.Error()
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "portico-e2e-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, dir)...)
	defer cancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: start %s: %v\n", path, err)
		return 1
	}
	browser = bctx
	return m.Run()
}

// allocatorOptions runs Chromium headless and quiet: no sandbox (CI runs
// as root), no GPU, no shared-memory files, no calls home.
func allocatorOptions(path, dir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-US"),
	}
}

// chromePath finds the browser: PORTICO_CHROME, or a usual name on PATH.
func chromePath() (string, error) {
	if name := os.Getenv("PORTICO_CHROME"); name != "" {
		p, err := exec.LookPath(name)
		if err != nil {
			return "", fmt.Errorf("PORTICO_CHROME=%s is not a browser binary: %w", name, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: install it (Debian: apt-get install chromium) or set PORTICO_CHROME to a Chrome binary")
}

// needBrowser skips the test when no browser runs, or fails it under CI,
// where a missing browser is a broken set-up rather than a choice.
func needBrowser(t *testing.T) {
	t.Helper()
	switch {
	case browser != nil:
	case testing.Short():
		t.Skip(noBrowser)
	case os.Getenv("CI") != "":
		t.Fatal(noBrowser)
	default:
		t.Skip(noBrowser)
	}
}
