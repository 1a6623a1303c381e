package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// serverBinary finds a server program. Without it the test is skipped on
// a developer's machine, but fails in CI (CI=true), where .ci/run installs it.
func serverBinary(t testing.TB, name, pkg string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if p := filepath.Join("/usr/sbin", name); isFile(p) {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; CI must install the Debian package %s (see .ci/run)", name, pkg)
	}
	t.Skipf("%s is not installed: apt-get install %s to run this test against a real server", name, pkg)
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitPort waits until something accepts connections on addr.
func waitPort(t testing.TB, addr string, exited <-chan struct{}, logs func() string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		select {
		case <-exited:
			t.Fatalf("the server exited before listening on %s:\n%s", addr, logs())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("nothing listens on %s after 15s:\n%s", addr, logs())
}

// buildPlugin builds the plugin into a fresh folder with its plugin.json,
// as a release would ship it, and returns the folder.
func buildPlugin(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("plugin.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plugin.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", "kannel-sms"), ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// startPlugin starts the built plugin through the host package, approved
// as it is, the way Portico runs it.
func startPlugin(t testing.TB, dir, data string) *host.Plugin {
	t.Helper()
	m, err := manifest.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	digests, err := m.Digests(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := host.Start(context.Background(), host.Config{Dir: dir, Approved: digests, HostVersion: "test", DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// conform runs the conformance checks against the built plugin.
func conform(t *testing.T, dir, config string, secrets map[string]string, address string) {
	t.Helper()
	r := conformance.Run(context.Background(), dir, conformance.Options{Config: config, Secrets: secrets, Address: address})
	var out strings.Builder
	r.Write(&out)
	if r.Failed() {
		t.Fatalf("conformance:\n%s", out.String())
	}
	t.Logf("conformance:\n%s", out.String())
}
