package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestLinksEndWithTheRecoveryTheyOffer: a pending link stops working the
// moment a change makes it someone else's way in: its address removed,
// the password changed by the customer or an admin, a sign-out
// everywhere, the contact blocked or deleted (and not revived by
// unblocking or restoring). Its holder is told why, and cannot set a
// password with it.
func TestLinksEndWithTheRecoveryTheyOffer(t *testing.T) {
	cases := []struct {
		name, why string
		// link sends a link to the contact at address and returns it;
		// change then ends it.
		link   func(ts *testServer, admin *client, address string) (id int64, link string, cu *client)
		change func(ts *testServer, admin *client, id int64, cu *client)
	}{
		{"address removed", "was removed from the account", activationTo, func(ts *testServer, admin *client, id int64, _ *client) {
			admin.post("/contacts/"+itoa(id)+"/emails", url.Values{"email": {"new-" + itoa(id) + "@example.com"}})
			ct, _ := ts.store.Contact(t.Context(), id)
			admin.post("/contacts/"+itoa(id)+"/emails/"+itoa(ct.Emails[1].ID)+"/promote", nil)
			admin.post("/contacts/"+itoa(id)+"/emails/"+itoa(ct.Emails[0].ID)+"/remove", nil)
		}},
		{"password changed by the customer", "password was changed", resetTo, func(_ *testServer, _ *client, _ int64, cu *client) {
			cu.get("/portal/profile")
			cu.post("/portal/profile/password", url.Values{"current_password": {"corn flakes at noon"}, "password": {"quiet harbour lights"}})
		}},
		{"signed out everywhere", "signed out everywhere", resetTo, func(_ *testServer, _ *client, _ int64, cu *client) {
			cu.get("/portal/profile")
			cu.post("/portal/profile/sign-out-everywhere", nil)
		}},
		{"password set and verified by an admin", "password was changed", activationTo, func(_ *testServer, admin *client, id int64, _ *client) {
			admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"quiet harbour lights"}, "verify": {"on"}})
		}},
		{"password set by an admin", "password was changed", resetTo, func(_ *testServer, admin *client, id int64, _ *client) {
			admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"quiet harbour lights"}})
		}},
		{"blocked, then unblocked", "blocked or deleted", activationTo, stateChanges("blocked", "unblocked")},
		{"deleted, then restored", "blocked or deleted", resetTo, stateChanges("deleted", "restored")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t)
			admin := ts.admin()
			id, link, cu := tc.link(ts, admin, "holder@example.com")
			tc.change(ts, admin, id, cu)
			holder := ts.client()
			resp, body := holder.get(link)
			wantStatus(t, resp, body, http.StatusGone)
			wantContains(t, body, "This link no longer works", tc.why, "Send me a new link")
			resp, body = holder.post(link, url.Values{"password": {"taken over at last"}})
			wantStatus(t, resp, body, http.StatusGone)
			wantContains(t, body, tc.why)
			if resp, _ := ts.client().portalSignIn("holder@example.com", "taken over at last"); resp.StatusCode == http.StatusSeeOther {
				t.Fatal("the ended link set the password")
			}
		})
	}
}

// activationTo sends an unverified contact the activation email.
func activationTo(ts *testServer, admin *client, address string) (int64, string, *client) {
	id := ts.createContact("Link Holder", address)
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	return id, ts.linkTo(address), nil
}

// resetTo activates a contact, signed in as cu, and has someone ask for
// a password reset link to its address.
func resetTo(ts *testServer, admin *client, address string) (int64, string, *client) {
	id, cu := ts.activated(admin, "Link Holder", address, "corn flakes at noon")
	asker := ts.client()
	asker.get("/portal/forgot")
	asker.post("/portal/forgot", url.Values{"email": {address}})
	return id, ts.linkTo(address), cu
}

// stateChanges applies the contact state actions in turn.
func stateChanges(actions ...string) func(*testServer, *client, int64, *client) {
	return func(_ *testServer, admin *client, id int64, _ *client) {
		for _, a := range actions {
			admin.post("/contacts/"+itoa(id)+"/state", url.Values{"action": {a}})
		}
	}
}
