package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

func testPayload(endpointID int64) events.Test {
	return events.Test{EndpointID: endpointID, Message: "test"}
}

// TestWebhookTestEventArrivesAndIsLogged adds an endpoint through the UI
// for a receiver on loopback (allowed by the configuration), sends a
// test event from its page and finds the delivery in its log, with the
// request that was sent and the receiver's answer.
func TestWebhookTestEventArrivesAndIsLogged(t *testing.T) {
	var got atomic.Int32
	rc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Webhook-Signature") != "" && r.Header.Get("X-Team") == "support" {
			got.Add(1)
		}
		io.WriteString(w, "received by the test receiver")
	}))
	t.Cleanup(rc.Close)
	ts := newTestServer(t, func(c *config.Config) { c.WebhookAllowNetsRaw = "127.0.0.0/8" })
	runWebhookWorker(t, ts)
	c := ts.admin()
	form := hookForm(rc.URL + "/hooks")
	form.Set("headers", "X-Team: support")
	id, _ := addEndpoint(t, c, form)
	path := "/admin/webhooks/" + itoa(id)
	c.get(path)
	resp, body := c.post(path+"/test", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	testkit.Eventually(t, 20*time.Second, func() bool {
		_, body = c.get(path + "?state=delivered&type=webhook.test")
		return strings.Contains(body, "badge-delivered")
	}, "the test webhook was not delivered")
	wantContains(t, body, "webhook.test", "HTTP 200", "received by the test receiver", "Webhook-Id: evt_", "X-Team: ••••••",
		"This is a test webhook from Portico.")
	if strings.Contains(body, "support") {
		t.Error("the endpoint page shows a custom header's value")
	}
	wantHeaderValueNotLogged(t, ts, id, "support")
	wantContains(t, body, "{\n  &#34;type&#34;: &#34;webhook.test&#34;,\n")
	if got.Load() != 1 {
		t.Errorf("the receiver got %d signed requests, want 1", got.Load())
	}
	_, body = c.get("/admin/webhooks")
	wantContains(t, body, "delivered", "HTTP 200")
}

// runWebhookWorker sends the server's webhooks until the test ends.
func runWebhookWorker(t *testing.T, ts *testServer) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := webhooks.NewWorker(ts.store, webhooks.NewClient(ts.cfg.WebhookAllowNets), log, nil)
	w.Poll = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// wantHeaderValueNotLogged fails when any logged attempt of the endpoint
// holds value in its request headers.
func wantHeaderValueNotLogged(t *testing.T, ts *testServer, endpointID int64, value string) {
	t.Helper()
	ctx := context.Background()
	page, err := ts.store.WebhookDeliveries(ctx, model.DeliveryQuery{EndpointID: endpointID})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range page.Deliveries {
		as, err := ts.store.WebhookAttempts(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if strings.Contains(a.RequestBody, "\n") {
				t.Errorf("attempt %d logged an indented body, not the one sent: %s", a.ID, a.RequestBody)
			}
			for k, v := range a.RequestHeaders {
				if strings.Contains(v, value) {
					t.Errorf("attempt %d logged %s: %s", a.ID, k, v)
				}
			}
		}
	}
}
