package host_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/host"
	"github.com/portico-hub/portico/plugins/sdk/internal/fixture"
)

func start(t *testing.T, dir string, cfg host.Config) (*host.Plugin, error) {
	t.Helper()
	cfg.Dir = dir
	if cfg.Approved == nil {
		cfg.Approved = fixture.Approve(t, dir)
	}
	p, err := host.Start(context.Background(), cfg)
	if err == nil {
		t.Cleanup(p.Close)
	}
	return p, err
}

func TestStartRefusesAPluginThatNeverHandshakes(t *testing.T) {
	dir := fixture.TestPlugin(t, "exec /bin/sleep 30")
	begin := time.Now()
	_, err := start(t, dir, host.Config{StartTimeout: time.Second})
	var se *host.StartError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "did not complete the handshake within 1s") {
		t.Fatalf("want a handshake timeout naming the plugin, got %v", err)
	}
	if !strings.Contains(err.Error(), "testplugin 1.0.0") {
		t.Errorf("the error does not name the plugin: %v", err)
	}
	if took := time.Since(begin); took > 10*time.Second {
		t.Errorf("Start returned after %s", took)
	}
}

func TestStartRefusesStdoutBeforeTheHandshake(t *testing.T) {
	dir := fixture.TestPlugin(t, "echo 'hello from a chatty plugin'\nexec \"$BIN\"")
	_, err := start(t, dir, host.Config{})
	if err == nil || !strings.Contains(err.Error(), `wrote "hello from a chatty plugin" to stdout before the handshake`) {
		t.Fatalf("want a refusal naming the stray output, got %v", err)
	}
}

func TestStartNamesBothVersionsWhenTheProcessSpeaksAnother(t *testing.T) {
	// The manifest claims 1 but the process speaks 2: go-plugin's
	// negotiation catches it and the error names both sides.
	dir := fixture.TestPlugin(t, "exec \"$BIN\" v2")
	_, err := start(t, dir, host.Config{})
	var ve *host.VersionError
	if !errors.As(err, &ve) {
		t.Fatalf("want a VersionError, got %v", err)
	}
	want := "plugin testplugin 1.0.0 speaks plugin protocol version [2], this Portico host speaks [1]"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got %q, want it to contain %q", err, want)
	}
}

func TestStartNamesBothVersionsFromTheManifest(t *testing.T) {
	dir := fixture.TestPlugin(t, "exec \"$BIN\"", 2, 3)
	_, err := start(t, dir, host.Config{})
	want := "plugin testplugin 1.0.0 speaks plugin protocol version [2 3], this Portico host speaks [1]"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
}

func TestStartRefusesAChangedFile(t *testing.T) {
	dir := fixture.TestPlugin(t, "exec \"$BIN\"")
	approved := fixture.Approve(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte("#!/bin/sh\nexec /bin/true\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := start(t, dir, host.Config{Approved: approved})
	if err == nil || !strings.Contains(err.Error(), "needs re-approval: [run.sh] changed") {
		t.Fatalf("want a re-approval error naming run.sh, got %v", err)
	}
}

func TestStartRefusesASocketRootTooLongForUnixSockets(t *testing.T) {
	root := filepath.Join(t.TempDir(), strings.Repeat("d", 60))
	if err := os.MkdirAll(root, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := start(t, fixture.TestPlugin(t, `exec "$BIN"`), host.Config{SocketRoot: root})
	if err == nil || !strings.Contains(err.Error(), "is too long for Unix sockets") {
		t.Fatalf("want a clear socket path error, got %v", err)
	}
}
