package pluginhost_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

var (
	buildOnce sync.Once
	builtDir  string
	buildErr  error
)

// helloGo builds the hello-go example once per test binary and returns
// the folder holding bin/hello-go.
func helloGo(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		builtDir, buildErr = os.MkdirTemp("", "hello-go-")
		if buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(builtDir, "bin", "hello-go"), ".")
		cmd.Dir = filepath.Join("..", "..", "plugins", "examples", "hello-go")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &buildError{out: string(out), err: err}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtDir
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return "build hello-go: " + e.err.Error() + "\n" + e.out }

// install copies the hello-go example into a plugins directory.
func install(t *testing.T, plugins string) string {
	t.Helper()
	dir := filepath.Join(plugins, "hello-go")
	copyFile(t, filepath.Join("..", "..", "plugins", "examples", "hello-go", "plugin.json"), filepath.Join(dir, "plugin.json"))
	copyFile(t, filepath.Join(helloGo(t), "bin", "hello-go"), filepath.Join(dir, "bin", "hello-go"))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// newHost returns a host over a fresh database and plugins directory.
func newHost(t *testing.T, opt pluginhost.Options) (*pluginhost.Host, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if opt.Dir == "" {
		opt.Dir = t.TempDir()
	}
	opt.Store = st
	h, err := pluginhost.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	return h, st
}

// waitState waits until the plugin reaches want, failing after 20 s.
func waitState(t *testing.T, h *pluginhost.Host, id string, want pluginhost.State) pluginhost.Status {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s, err := h.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if s.State == want {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("plugin %s is %q (%s %s), want %q", id, s.State, s.Reason, s.LastError, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
