package web_test

import (
	"context"
	"fmt"
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
