package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// An admin who sets an unverified contact's password is told it does not
// activate the account, and may also verify it in the same step.
func TestAdminPasswordCanAlsoVerifyTheAccount(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Kim Min-jun", "minjun@example.com")
	path := "/contacts/" + itoa(id) + "/password"

	_, body := admin.get(path)
	wantContains(t, body, "Setting a password does not activate it", "At least 8 characters",
		"Also mark the account as verified (activated)")
	resp, body := admin.post(path, url.Values{"password": {"xxminjunxx"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "the part of the contact&#39;s email address")

	resp, body = admin.post(path, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get("/contacts/" + itoa(id))
	wantContains(t, body, "still not activated")
	_, body = ts.client().portalSignIn("minjun@example.com", "corn flakes at noon")
	wantContains(t, body, "not activated")

	resp, body = admin.post(path, url.Values{"password": {"corn flakes at noon"}, "verify": {"on"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if c, _ := ts.store.Contact(context.Background(), id); c.State != model.StateVerified || c.VerifiedAt == nil {
		t.Fatalf("contact is %s, verified at %v", c.State, c.VerifiedAt)
	}
	if got := verifiedMethod(t, ts, id); got != "admin" {
		t.Fatalf("contact.verified method %q, want admin", got)
	}
	resp, body = ts.client().portalSignIn("minjun@example.com", "corn flakes at noon")
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, body = admin.get(path)
	wantNotContains(t, body, "Also mark the account as verified")
}

// verifiedMethod returns the method of the contact's contact.verified
// event, or "" when there is none.
func verifiedMethod(t *testing.T, ts *testServer, id int64) string {
	t.Helper()
	evs, err := ts.store.EventsAfter(context.Background(), 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if ev.Type == events.TypeContactVerified {
			var env struct{ Data events.ContactVerified }
			if err := json.Unmarshal(ev.Payload, &env); err != nil {
				t.Fatal(err)
			}
			if env.Data.Contact.ID == id {
				return env.Data.Method
			}
		}
	}
	return ""
}
