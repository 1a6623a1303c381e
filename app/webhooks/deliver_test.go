package webhooks_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

func TestDeliversSignedEvent(t *testing.T) {
	e := started(t, loopback)
	rc := newReceiver(t, always(204))
	ep, secret := e.endpoint(t, rc.URL+"/hooks")
	id := e.contact(t, "Kim Minjun", "minjun@example.com")
	waitFor(t, "the webhook", func() bool { return len(rc.requests()) == 1 })
	req := rc.requests()[0]
	wh, err := standardwebhooks.NewWebhook(secret)
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Verify(req.body, req.header); err != nil {
		t.Fatalf("signature: %v", err)
	}
	var env struct {
		Type    string                `json:"type"`
		Version int                   `json:"version"`
		Data    events.ContactCreated `json:"data"`
	}
	if err := json.Unmarshal(req.body, &env); err != nil {
		t.Fatal(err)
	}
	if env.Type != events.TypeContactCreated || env.Version != 1 || env.Data.Contact.ID != id || env.Data.Contact.Email != "minjun@example.com" {
		t.Errorf("payload %s", req.body)
	}
	evs, _ := e.st.EventsAfter(context.Background(), 0, 10)
	if got := req.header.Get("webhook-id"); got != evs[0].ID {
		t.Errorf("webhook-id %q, want the event id %q", got, evs[0].ID)
	}
	waitFor(t, "the delivery to be recorded", func() bool { return e.deliveries(t, ep.ID)[0].State == model.DeliveryDelivered })
}

func TestEndpointGetsOnlyItsEventTypes(t *testing.T) {
	e := started(t, loopback)
	all := newReceiver(t, always(200))
	some := newReceiver(t, always(200))
	e.endpoint(t, all.URL)
	e.endpoint(t, some.URL, events.TypeCompanyCreated)
	e.contact(t, "Ann", "ann@example.com")
	if _, err := e.st.CreateCompany(context.Background(), model.Actor{Name: "Ann"}, model.CompanyFields{Name: "Acme"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "both events at the catch-all endpoint", func() bool { return len(all.requests()) == 2 })
	waitFor(t, "the company event", func() bool { return len(some.requests()) == 1 })
	if !strings.Contains(string(some.requests()[0].body), `"company.created"`) {
		t.Errorf("got %s", some.requests()[0].body)
	}
}

func TestRotationSignsWithBothSecrets(t *testing.T) {
	e := started(t, loopback)
	rc := newReceiver(t, always(200))
	ep, oldSecret := e.endpoint(t, rc.URL)
	newSecret, err := e.svc.RotateSecret(context.Background(), ep.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.contact(t, "Ann", "ann@example.com")
	waitFor(t, "the webhook", func() bool { return len(rc.requests()) == 1 })
	req := rc.requests()[0]
	if n := len(strings.Fields(req.header.Get("webhook-signature"))); n != 2 {
		t.Errorf("%d signatures, want 2 during the grace period", n)
	}
	for _, sec := range []string{oldSecret, newSecret} {
		wh, _ := standardwebhooks.NewWebhook(sec)
		if err := wh.Verify(req.body, req.header); err != nil {
			t.Errorf("verify with a secret: %v", err)
		}
	}
	// The clock may move only once the first delivery is recorded: moved
	// while it is still being sent, its 30 s lease would run out, and it
	// would be sent again alongside the second.
	waitFor(t, "the first delivery to be recorded", func() bool { return e.deliveries(t, ep.ID)[0].State == model.DeliveryDelivered })
	e.clk.Advance(25 * time.Hour) // past the 24 h grace
	e.contact(t, "Bo", "bo@example.com")
	waitFor(t, "the second webhook", func() bool { return len(rc.requests()) >= 2 })
	if n := len(rc.requests()); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
	req = rc.requests()[1]
	old, _ := standardwebhooks.NewWebhook(oldSecret)
	if err := old.Verify(req.body, req.header); err == nil {
		t.Error("the old secret still verifies after the grace period")
	}
}
