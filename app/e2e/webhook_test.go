package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/webhooks"
)

// TestWebhookEndpointFromAddToDelivered adds an endpoint for a receiver on
// loopback, lands on its page, sees its secret once and copies it, sends a test event and
// opens its delivery in the log: signed, answered 200, its JSON body
// indented. With PORTICO_SCREENSHOTS set it saves the secret, the log
// and the list.
func TestWebhookEndpointFromAddToDelivered(t *testing.T) {
	rc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(rc.Close)
	app := startConfigured(t, func(c *config.Config, _ int) { c.WebhookAllowNetsRaw = "127.0.0.0/8" })
	runWebhooks(t, app)
	p := adminPage(t, app)
	p.open("/admin/webhooks")
	p.waitText(".empty h2", "No webhook endpoints yet")
	p.click(`.empty a[href="/admin/webhooks/new"]`)
	p.waitPath("/admin/webhooks/new")
	p.fill(`input[name="url"]`, rc.URL+"/hooks/portico")
	p.fill(`input[name="description"]`, "Sync verified customers to the CRM")
	p.click(`input[name="scope"][value="some"]`)
	p.click(`input[value="contact.verified"]`)
	p.click(`input[value="contact.created"]`)
	shot(p, "webhook-new.png")
	p.click(`form button.primary`)
	p.waitText(".secret-reveal h2", "Endpoint added")
	if path := p.location().Path; path == "/admin/webhooks" {
		t.Fatalf("the secret is the answer to the form's POST, at %s", path)
	}
	var secret string
	p.eval(`document.querySelector("#secret").value`, &secret)
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("secret %q", secret)
	}
	p.click(`button[data-copy]`)
	p.waitText(`button[data-copy]`, "Copied")
	shot(p, "webhook-secret.png")

	p.click(`.secret-reveal a.primary`)
	p.waitFor("the page without the secret", `() => document.readyState === "complete" && !document.querySelector(".secret-reveal")`)
	p.waitText(".endpoint-summary", "contact.verified")
	p.waitText(".empty h2", "No deliveries yet")
	var html string
	p.eval(`document.body.innerHTML`, &html)
	if strings.Contains(html, secret) {
		t.Fatal("the endpoint's page shows the secret again")
	}
	p.clickXPath(`//button[normalize-space()="Send test event"]`)
	p.waitText("#toasts", "Test event sent")
	path := p.location().Path
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(strings.Join(p.texts(".delivery summary .badge"), " "), "Delivered") && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		p.open(path)
	}
	p.click(".delivery summary")
	p.waitText(".delivery[open] .attempt h3", "HTTP 200")
	p.waitText(".delivery[open] .attempt", "Webhook-Signature: v1,")
	p.waitText(".delivery[open] .attempt", `{"ok":true}`)
	p.waitText(".delivery[open] .attempt", "{\n  \"type\": \"webhook.test\",\n")
	shot(p, "webhook-log.png")

	p.open("/admin/webhooks")
	p.waitText("table.list tbody", "Delivered")
	shot(p, "webhook-list.png")
}

// runWebhooks sends the server's webhooks, to loopback receivers too,
// until the test ends.
func runWebhooks(t *testing.T, app *portico) {
	allow := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	w := webhooks.NewWorker(app.Store, webhooks.NewClient(allow), slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	w.Poll = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}
