package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
)

// TestWebhookLogStatesRetention tells admins on the delivery log how
// long it is kept, in the words of the configured retention.
func TestWebhookLogStatesRetention(t *testing.T) {
	cases := []struct {
		retention time.Duration
		want      string
	}{
		{30 * 24 * time.Hour, "Delivery logs are kept for 30 days."},
		{36 * time.Hour, "Delivery logs are kept for 36 hours."},
	}
	for _, tc := range cases {
		ts := newTestServer(t, func(c *config.Config) { c.EventRetention = tc.retention })
		c := ts.admin()
		id, _ := addEndpoint(t, c, hookForm("https://hooks.example.com/x"))
		_, body := c.get("/admin/webhooks/" + itoa(id))
		wantContains(t, body, tc.want)
	}
}

// TestWebhookResendOfPrunedDelivery clicks Resend on a page shown before
// the prune deleted the delivery and its event: the admin is told why it
// cannot be sent again, and nothing is written.
func TestWebhookResendOfPrunedDelivery(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	c := ts.admin()
	id, _ := addEndpoint(t, c, hookForm("https://hooks.example.com/x"))
	failDeliveries(t, ts, id, 1)
	path := "/admin/webhooks/" + itoa(id)
	_, body := c.get(path)
	delivery := regexpFind(t, body, `/deliveries/(\d+)/resend`)
	if _, err := ts.store.FanOutEvents(ctx, 100); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if n, _, err := ts.store.PruneWebhookLog(ctx, later); err != nil || n != 1 {
		t.Fatalf("pruned %d deliveries, %v", n, err)
	}
	if n, err := ts.store.PruneEvents(ctx, later); err != nil || n != 1 {
		t.Fatalf("pruned %d events, %v", n, err)
	}
	resp, body := c.post(path+"/deliveries/"+delivery+"/resend", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	wantContains(t, body, "This delivery is no longer in the log: finished deliveries are kept for 30 days")
	_, body = c.get(path)
	wantContains(t, body, "No deliveries yet")
}
