package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// installKannelSMS builds the kannel-sms example and installs it.
func installKannelSMS(t *testing.T, plugins string) {
	t.Helper()
	testkit.InstallGoPlugin(t, plugins, filepath.Join("..", "..", "plugins", "examples", "kannel-sms"))
}

// newSMSServer is a test server with kannel-sms approved and one
// instance, "Phones", sending through k, or through a gateway nobody
// runs when k is nil. It waits until the plugin runs and has declared
// its address kinds.
func newSMSServer(t *testing.T, k *testkit.Kannel) (*testServer, *pluginhost.Host, int64) {
	t.Helper()
	ts, h := newHostServer(t, installKannelSMS)
	ctx := context.Background()
	if err := h.Approve(ctx, "kannel-sms", nil, 0); err != nil {
		t.Fatal(err)
	}
	url := "http://127.0.0.1:9/cgi-bin/sendsms"
	if k != nil {
		url = k.URL
	}
	cfg := fmt.Sprintf(`{"url":%q,"username":%q,"from":"Portico","country_code":"82"}`, url, testkit.KannelUser)
	id, err := ts.store.SavePluginInstance(ctx, model.PluginInstance{PluginID: "kannel-sms", Name: "Phones", Config: cfg,
		Secrets: map[string]string{"password": testkit.KannelPassword}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.TestConnection(ctx, id); err != nil {
		t.Fatal(err)
	}
	return ts, h, id
}

// installXMPPChat installs the built xmpp-chat example (make plugins), or
// skips the test when it is not built.
func installXMPPChat(t *testing.T, plugins string) {
	t.Helper()
	src := filepath.Join("..", "..", "plugins", "examples", "xmpp-chat")
	if _, err := os.Stat(filepath.Join(src, "dist", "plugin.js")); err != nil {
		t.Skip("xmpp-chat is not built: run make plugins")
	}
	dir := filepath.Join(plugins, "xmpp-chat")
	for _, f := range []string{"plugin.json", filepath.Join("dist", "plugin.js")} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// newChatServer is a test server with xmpp-chat approved and an instance,
// "Chat", whose XMPP server nobody runs: addresses are checked without it.
func newChatServer(t *testing.T) *testServer {
	t.Helper()
	ts, h := newHostServer(t, installXMPPChat)
	ctx := context.Background()
	if err := h.Approve(ctx, "xmpp-chat", nil, 0); err != nil {
		t.Fatal(err)
	}
	id, err := ts.store.SavePluginInstance(ctx, model.PluginInstance{PluginID: "xmpp-chat", Name: "Chat",
		Config: `{"jid":"portico@chat.test","service":"xmpp://127.0.0.1:9","timeout_seconds":1}`, Secrets: map[string]string{"password": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.TestConnection(ctx, id); err != nil {
		t.Fatal(err)
	}
	return ts
}
