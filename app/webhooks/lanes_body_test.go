package webhooks_test

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"testing"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestBulkWebhookLooksLikeASingleOne creates the same contact at the same
// moment in two databases: once as an import does, its event stored as an
// entry of a compressed bulk batch, and once by hand, its event a row of
// its own as every event was before. The receivers get the same body
// byte for byte and the same headers; only the ids and signatures differ,
// each id valid, stable and signed. The lane shows only in the log.
func TestBulkWebhookLooksLikeASingleOne(t *testing.T) {
	c := store.NewContact{Fields: model.ContactFields{Name: "Kim Minjun", JobTitle: "Head of Operations", Phone: "+82 2 555 0142",
		Language: "ko", ExternalID: "crm-0042"}, Emails: []string{"minjun@hanbit.example", "mj@kim.example"}, Tags: []string{"vip", "Beta"}}
	type got struct {
		req    received
		secret string
		lane   string
		id     string
	}
	var runs []got
	for _, bulk := range []bool{true, false} {
		e := started(t, loopback)
		rc := newReceiver(t, always(200))
		ep, secret := e.endpoint(t, rc.URL)
		if bulk {
			if _, err := e.st.InsertContacts(context.Background(), ann, []store.NewContact{c}); err != nil {
				t.Fatal(err)
			}
		} else if _, err := e.st.CreateContact(context.Background(), ann, c); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "the webhook", func() bool { return len(rc.requests()) == 1 })
		waitFor(t, "the delivery to be recorded", func() bool { return e.deliveries(t, ep.ID)[0].State == model.DeliveryDelivered })
		evs, err := e.st.EventsAfter(context.Background(), 0, 10)
		if err != nil || len(evs) != 1 {
			t.Fatalf("events %v, %v", evs, err)
		}
		runs = append(runs, got{req: rc.requests()[0], secret: secret, lane: e.deliveries(t, ep.ID)[0].Lane, id: evs[0].ID})
	}
	bulk, single := runs[0], runs[1]
	if string(bulk.req.body) != string(single.req.body) {
		t.Errorf("bodies differ:\n bulk: %s\nsingle: %s", bulk.req.body, single.req.body)
	}
	keys := func(r received) []string { return slices.Sorted(maps.Keys(r.header)) }
	if k1, k2 := keys(bulk.req), keys(single.req); !slices.Equal(k1, k2) {
		t.Errorf("header names differ: bulk %v, single %v", k1, k2)
	}
	for _, h := range []string{"Content-Type", "User-Agent"} {
		if bulk.req.header.Get(h) != single.req.header.Get(h) {
			t.Errorf("%s differs: %q and %q", h, bulk.req.header.Get(h), single.req.header.Get(h))
		}
	}
	idForm := regexp.MustCompile(`^evt_[0-9a-f]{32}$`)
	for _, r := range runs {
		wh, err := standardwebhooks.NewWebhook(r.secret)
		if err != nil {
			t.Fatal(err)
		}
		if err := wh.Verify(r.req.body, r.req.header); err != nil {
			t.Errorf("%s lane: signature: %v", r.lane, err)
		}
		if id := r.req.header.Get("Webhook-Id"); !idForm.MatchString(id) || id != r.id {
			t.Errorf("%s lane: webhook-id %q, want the event's id %q in the form evt_ and 32 hex digits", r.lane, id, r.id)
		}
	}
	if bulk.lane != "bulk" || single.lane != "interactive" {
		t.Errorf("the log shows lanes %q and %q", bulk.lane, single.lane)
	}
}
