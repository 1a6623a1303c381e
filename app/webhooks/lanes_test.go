package webhooks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

var ann = model.Actor{Name: "Ann"}

// bulkContacts inserts n contacts as an import does, whose contact.created
// events go in the bulk lane, and returns their ids.
func (e *env) bulkContacts(t testing.TB, n int, prefix string) []int64 {
	t.Helper()
	in := make([]store.NewContact, n)
	for i := range in {
		in[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("%s %d", prefix, i)},
			Emails: []string{fmt.Sprintf("%s%d@bulk.example", prefix, i)}}
	}
	ids, err := e.st.InsertContacts(context.Background(), ann, in)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// about reads the type and subject of a received webhook.
func about(t testing.TB, r received) (typ string, contact int64) {
	t.Helper()
	var env struct {
		Type string `json:"type"`
		Data struct {
			Contact struct {
				ID int64 `json:"id"`
			} `json:"contact"`
		} `json:"data"`
	}
	if err := json.Unmarshal(r.body, &env); err != nil {
		t.Fatal(err)
	}
	return env.Type, env.Data.Contact.ID
}

// TestInteractiveOvertakesBulkQueue queues a thousand imported contacts
// for an endpoint whose first requests hang, then creates one contact by
// hand: its webhook is the next one sent once a slot frees, ahead of
// the rest of the bulk queue, and every bulk event still arrives once.
func TestInteractiveOvertakesBulkQueue(t *testing.T) {
	e := newEnv(t, loopback)
	e.w.PerEndpoint = 2
	gate := make(chan struct{})
	rc := newReceiver(t, func(n int) int {
		if n <= 2 {
			<-gate
		}
		return http.StatusOK
	})
	ep, _ := e.endpoint(t, rc.URL)
	const n = 1000
	e.bulkContacts(t, n, "bulk")
	e.start(t)
	waitFor(t, "two bulk requests in flight", func() bool { return len(rc.requests()) == 2 })
	id := e.contact(t, "Kim", "kim@example.com")
	close(gate)
	waitFor(t, "every event", func() bool { return len(rc.requests()) == n+1 })
	seen := map[string]bool{}
	at := -1
	for i, r := range rc.requests() {
		if seen[r.header.Get("webhook-id")] {
			t.Fatalf("webhook %s arrived twice", r.header.Get("webhook-id"))
		}
		seen[r.header.Get("webhook-id")] = true
		if _, c := about(t, r); c == id {
			at = i
		}
	}
	// Two requests go out as the gated ones finish; they may arrive in
	// either order.
	if at < 2 || at > 3 {
		t.Fatalf("the interactive event arrived %d-th of %d, want 3rd or 4th: next after the 2 bulk requests in flight", at+1, n+1)
	}
	page, err := e.svc.DeliveryLog(context.Background(), model.DeliveryQuery{EndpointID: ep.ID, PerPage: 2 * n})
	if err != nil {
		t.Fatal(err)
	}
	lanes := map[string]int{}
	for _, d := range page.Deliveries {
		lanes[d.Lane]++
	}
	if lanes["interactive"] != 1 || lanes["bulk"] != n {
		t.Fatalf("the log shows lanes %v, want 1 interactive and %d bulk", lanes, n)
	}
}

// TestResourceOrderUnderRetries fails the first attempt of one imported
// contact's contact.created; that contact's later contact.updated (an
// interactive event) waits for the retry, while every other contact's
// events go on.
func TestResourceOrderUnderRetries(t *testing.T) {
	e := newEnv(t, loopback)
	var slow int64
	failed := false
	var rc *receiver
	rc = newReceiver(t, func(n int) int {
		r := rc.requests()[n-1]
		if typ, c := about(t, r); c == slow && typ == "contact.created" && !failed {
			failed = true
			return http.StatusServiceUnavailable
		}
		return http.StatusOK
	})
	e.endpoint(t, rc.URL)
	ids := e.bulkContacts(t, 50, "order")
	slow = ids[10]
	if err := e.st.UpdateContact(context.Background(), ann, slow, model.ContactFields{Name: "Renamed"}); err != nil {
		t.Fatal(err)
	}
	if err := e.st.UpdateContact(context.Background(), ann, ids[20], model.ContactFields{Name: "Also renamed"}); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	waitFor(t, "the other contacts' events", func() bool { return len(rc.requests()) == 51 })
	for _, r := range rc.requests() {
		if typ, c := about(t, r); c == slow && typ == "contact.updated" {
			t.Fatal("contact.updated overtook the contact.created being retried")
		}
	}
	e.clk.Advance(10 * time.Second)
	waitFor(t, "the retry and the update", func() bool { return len(rc.requests()) == 53 })
	var order []string
	for _, r := range rc.requests() {
		if typ, c := about(t, r); c == slow {
			order = append(order, typ)
		}
	}
	if fmt.Sprint(order) != "[contact.created contact.created contact.updated]" {
		t.Fatalf("contact %d's webhooks arrived as %v", slow, order)
	}
}
