package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/portico-hub/portico/app/internal/kanneltest"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

var (
	kannelOnce sync.Once
	kannelDir  string
	kannelErr  error
)

// installKannelSMS builds the kannel-sms example once per test binary and
// copies it with its manifest into plugins/kannel-sms.
func installKannelSMS(t *testing.T, plugins string) {
	t.Helper()
	src := filepath.Join("..", "..", "plugins", "examples", "kannel-sms")
	kannelOnce.Do(func() {
		if kannelDir, kannelErr = os.MkdirTemp("", "kannel-sms-"); kannelErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(kannelDir, "kannel-sms"), ".")
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			kannelErr = &buildFailed{out: string(out), err: err}
		}
	})
	if kannelErr != nil {
		t.Fatal(kannelErr)
	}
	dir := filepath.Join(plugins, "kannel-sms")
	copyTo(t, filepath.Join(kannelDir, "kannel-sms"), filepath.Join(dir, "bin", "kannel-sms"))
	copyTo(t, filepath.Join(src, "plugin.json"), filepath.Join(dir, "plugin.json"))
}

type buildFailed struct {
	out string
	err error
}

func (e *buildFailed) Error() string { return "build kannel-sms: " + e.err.Error() + "\n" + e.out }

func copyTo(t *testing.T, from, to string) {
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

// smsServer is a test server with kannel-sms approved and one instance,
// "Phones", sending through k, or through a gateway nobody runs when k is
// nil. It waits until the plugin runs and has declared its address kinds.
func newSMSServer(t *testing.T, k *kanneltest.Kannel) (*testServer, *pluginhost.Host, int64) {
	t.Helper()
	ts, h := newHostServer(t, installKannelSMS)
	ctx := context.Background()
	if err := h.Approve(ctx, "kannel-sms", nil, 0); err != nil {
		t.Fatal(err)
	}
	cfg := `{"url":"http://127.0.0.1:9/cgi-bin/sendsms","username":"portico","country_code":"82"}`
	if k != nil {
		cfg = k.Config()
	}
	id, err := ts.store.SavePluginInstance(ctx, model.PluginInstance{PluginID: "kannel-sms", Name: "Phones", Config: cfg,
		Secrets: map[string]string{"password": kanneltest.Password}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.TestConnection(ctx, id); err != nil {
		t.Fatal(err)
	}
	return ts, h, id
}
