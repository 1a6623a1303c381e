package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestPruneClearsWhatADisabledEndpointLeftWaiting disables an endpoint by
// hand while an interactive delivery and a bulk batch wait for it. No
// sender takes them any more, so once they are older than the retention
// they go, with their events, instead of staying forever.
func TestPruneClearsWhatADisabledEndpointLeftWaiting(t *testing.T) {
	st, clk := openClocked(t)
	ctx := context.Background()
	id := mustEndpoint(t, st)
	insertPeople(t, st, 300)
	if _, err := st.CreateContact(ctx, ann, store.NewContact{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@example.com"}}); err != nil {
		t.Fatal(err)
	}
	fanOut(t, st, 100)
	if _, err := st.ClaimWebhookDeliveries(ctx, id, 1, time.Minute); err != nil {
		t.Fatal(err)
	}
	ep, err := st.WebhookEndpoint(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ep.Enabled = false
	if err := st.UpdateWebhookEndpoint(ctx, *ep); err != nil {
		t.Fatal(err)
	}
	clk.Advance(retention / 2)
	if events, deliveries, _ := prune(t, st); events != 0 || deliveries != 0 {
		t.Fatalf("pruned %d events and %d deliveries waiting %s", events, deliveries, retention/2)
	}
	clk.Advance(retention)
	events, deliveries, _ := prune(t, st)
	if events != 301 || deliveries == 0 {
		t.Fatalf("pruned %d events and %d deliveries past the retention, want all 301 events and their deliveries", events, deliveries)
	}
	if left := eventIDs(t, st); len(left) != 0 {
		t.Fatalf("%d events left", len(left))
	}
	page, err := st.WebhookDeliveries(ctx, model.DeliveryQuery{EndpointID: id})
	if err != nil || len(page.Deliveries) != 0 {
		t.Fatalf("deliveries left: %v, %v", page.Deliveries, err)
	}
}
