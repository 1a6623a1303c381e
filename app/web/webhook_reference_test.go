package web_test

import (
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWebhookReferenceShowsEveryGoldenPayload checks that Admin >
// Webhooks > Payload reference shows, for admins only, the body of every
// event type exactly as the golden files of the events package hold it,
// so the reference cannot drift from what endpoints receive, and that
// the webhooks page links to it.
func TestWebhookReferenceShowsEveryGoldenPayload(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, list := admin.get("/admin/webhooks")
	wantContains(t, list, `href="/admin/webhooks/reference"`)
	resp, page := admin.get("/admin/webhooks/reference")
	wantStatus(t, resp, page, http.StatusOK)
	wantContains(t, page, "webhook-signature", "Answer 2xx within 10 seconds", "27 hours 35 minutes")
	golden, err := filepath.Glob(filepath.Join("..", "events", "testdata", "*.json"))
	if err != nil || len(golden) < 18 {
		t.Fatalf("%d golden payloads: %v", len(golden), err)
	}
	shown := map[string]bool{}
	for _, m := range preBlock.FindAllStringSubmatch(page, -1) {
		shown[html.UnescapeString(m[1])] = true
	}
	for _, path := range golden {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		typ := strings.TrimSuffix(filepath.Base(path), ".json")
		if !shown[strings.TrimSuffix(string(b), "\n")] || !strings.Contains(page, `href="#`+typ+`"`) {
			t.Errorf("the reference does not show the golden payload of %s", typ)
		}
	}
	resp, body := ts.agentClient("Bo Agent", "bo@example.com").get("/admin/webhooks/reference")
	if resp.StatusCode != http.StatusForbidden || strings.Contains(body, "webhook-signature") {
		t.Errorf("an agent opens the payload reference: %d", resp.StatusCode)
	}
}

var preBlock = regexp.MustCompile(`(?s)<pre class="code">(.*?)</pre>`)
