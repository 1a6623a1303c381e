package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// installHelloGo builds the hello-go example into plugins/hello-go.
func installHelloGo(t testing.TB, plugins string) {
	t.Helper()
	dir := filepath.Join(plugins, "hello-go")
	src := filepath.Join("..", "..", "plugins", "examples", "hello-go")
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", "hello-go"), ".")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build hello-go: %v\n%s", err, out)
	}
	m, err := os.ReadFile(filepath.Join(src, "plugin.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "plugin.json"), m, 0o644)
}

func TestPluginsCommand(t *testing.T) {
	dir := t.TempDir()
	db, plugins := filepath.Join(dir, "p.db"), filepath.Join(dir, "plugins")
	installHelloGo(t, plugins)
	flags := []string{"--db", db}

	code, out, errs := run(t, "", append([]string{"plugins", "list"}, flags...)...)
	if code != 0 || !regexp.MustCompile(`hello-go\s+0\.1\.0\s+not approved\s+importer`).MatchString(out) {
		t.Fatalf("list: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = run(t, "n\n", append([]string{"plugins", "approve", "hello-go"}, flags...)...)
	if code != 1 || !regexp.MustCompile(`[0-9a-f]{64}  bin/hello-go`).MatchString(out) {
		t.Fatalf("approve, answered no: exit %d, out %q", code, out)
	}
	code, out, _ = run(t, "y\n", append([]string{"plugins", "approve", "hello-go"}, flags...)...)
	if code != 0 || !strings.Contains(out, "plugin hello-go is approved") {
		t.Fatalf("approve: exit %d, out %q", code, out)
	}
	code, _, _ = run(t, "", append([]string{"plugins", "disable", "hello-go", "--reason", "Upgrading the directory"}, flags...)...)
	_, out, _ = run(t, "", append([]string{"plugins", "list"}, flags...)...)
	if code != 0 || !regexp.MustCompile(`hello-go\s+0\.1\.0\s+disabled\s+importer\s+Upgrading the directory`).MatchString(out) {
		t.Fatalf("disable: exit %d, list %q", code, out)
	}
	run(t, "", append([]string{"plugins", "enable", "hello-go"}, flags...)...)
	_, out, _ = run(t, "", append([]string{"plugins", "logs", "hello-go"}, flags...)...)
	if !regexp.MustCompile(`(?s)approved .*Version 0\.1\.0 approved.*disabled .*Upgrading.*enabled`).MatchString(out) {
		t.Fatalf("logs %q", out)
	}
	if code, _, errs = run(t, "", append([]string{"plugins", "approve", "nope"}, flags...)...); code != 1 || !strings.Contains(errs, "not found") {
		t.Fatalf("unknown plugin: exit %d, err %q", code, errs)
	}
}
