package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestContactXHandleAndAddress creates a contact known only by its X
// handle, pasted as a profile address, with a postal address over two
// lines: the page shows both, search finds the handle, and the handle,
// unique whatever its case, is refused to a second contact and refused
// in a shape X would not accept.
func TestContactXHandleAndAddress(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/new")
	resp, body := c.post("/contacts", url.Values{"name": {"Aroha Ngata"}, "twitter_id": {" https://x.com/Aroha_Ngata/ "},
		"address": {"12 Queen Street\r\nAuckland 1010"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	page := resp.Header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(page, "/contacts/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q", page)
	}
	ct, _ := ts.store.Contact(t.Context(), id)
	if ct.TwitterID != "Aroha_Ngata" || ct.Address != "12 Queen Street\nAuckland 1010" {
		t.Fatalf("stored X handle %q, address %q", ct.TwitterID, ct.Address)
	}
	_, body = c.get(page)
	wantContains(t, body, `href="https://x.com/Aroha_Ngata"`, "@Aroha_Ngata", "12 Queen Street\nAuckland 1010")
	_, body = c.get("/contacts?q=%40aroha_ngata")
	wantContains(t, body, "Aroha Ngata")

	cases := []struct{ handle, want string }{
		{"@aroha_ngata", "Another contact already has this X handle."},
		{"aroha ngata", "Enter an X handle of 1 to 15 letters, digits or underscores"},
		{"@a_handle_far_too_long", "Enter an X handle of 1 to 15 letters, digits or underscores"},
	}
	for _, tc := range cases {
		c.get("/contacts/new")
		resp, body = c.post("/contacts", url.Values{"name": {"Someone"}, "twitter_id": {tc.handle}})
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, tc.want, `name="twitter_id"`)
	}
}

// TestContactEditKeepsAHandleAsTheWayToReach edits a contact whose only
// way to be reached is its X handle: clearing the handle is refused,
// changing its address is saved.
func TestContactEditKeepsAHandleAsTheWayToReach(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/new")
	resp, body := c.post("/contacts", url.Values{"name": {"Aroha Ngata"}, "twitter_id": {"@aroha_ngata"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	page := resp.Header.Get("Location")
	c.get(page)
	resp, body = c.post(page, url.Values{"name": {"Aroha Ngata"}, "twitter_id": {""}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Give at least one of email, phone, mobile, X handle or external ID.")
	resp, body = c.post(page, url.Values{"name": {"Aroha Ngata"}, "twitter_id": {"aroha_ngata"}, "address": {"1 Harbour Road"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "1 Harbour Road", "@aroha_ngata")
	if strings.Contains(body, "Give at least one") {
		t.Fatal("a valid save shows the reachability message")
	}
}
