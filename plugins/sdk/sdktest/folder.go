package sdktest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/plugins/sdk/conformance"
	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// BuildGo builds the Go plugin in the current folder into a fresh folder
// with its plugin.json, as a release ships it, and returns that folder.
// binary is the path the manifest names, such as "bin/acme-ldap".
func BuildGo(t testing.TB, binary string) string {
	t.Helper()
	dir := t.TempDir()
	if err := BuildGoInto(dir, binary); err != nil {
		t.Fatal(err)
	}
	return dir
}

// BuildGoInto is BuildGo into dir, for tests that share one build: a
// TestMain or a sync.Once builds there and removes dir at the end.
func BuildGoInto(dir, binary string) error {
	data, err := os.ReadFile("plugin.json")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "plugin.json"), data, 0o644); err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, binary), ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	return nil
}

// BuildNode bundles the Node plugin in dir with its package's build
// script (npm run build), as make plugins does, and returns dir.
func BuildNode(t testing.TB, dir string) string {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err != nil {
		t.Fatalf("the plugin's packages are not installed: run npm ci in %s", dir)
	}
	cmd := exec.Command("npm", "run", "--silent", "build")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm run build: %v\n%s", err, out)
	}
	return dir
}

// NodeEnv lets a Node plugin find node; it gets no other variable of the
// test's environment, as under Portico.
func NodeEnv() []string { return []string{"PATH=" + os.Getenv("PATH")} }

// StartFolder starts the plugin in dir through the host package, approved
// as it is, the way Portico runs it, and stops it when the test ends.
// configure, when given, adjusts the host's configuration (Env, DataDir).
func StartFolder(t testing.TB, dir string, configure ...func(*host.Config)) *host.Plugin {
	t.Helper()
	m, err := manifest.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	digests, err := m.Digests(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := host.Config{Dir: dir, Approved: digests, HostVersion: "test"}
	for _, c := range configure {
		c(&cfg)
	}
	p, err := host.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// Conform runs the conformance checks against the plugin in dir and fails
// the test with the report when one fails.
func Conform(t *testing.T, dir string, o conformance.Options) {
	t.Helper()
	r := conformance.Run(context.Background(), dir, o)
	var out strings.Builder
	r.Write(&out)
	if r.Failed() {
		t.Fatalf("conformance:\n%s", out.String())
	}
	t.Logf("conformance:\n%s", out.String())
}
