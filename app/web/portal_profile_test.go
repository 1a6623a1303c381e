package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestProfileEditsNameAndPhone(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id, cu := ts.activated(admin, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	ts.store.AddEmail(context.Background(), testActor, id, "mj@example.net")

	resp, body := cu.get("/portal/profile")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Your profile", `value="Kim Min-jun"`, "minjun@example.com", "mj@example.net",
		"Change your password", `name="current_password"`, "Sign out everywhere")
	for form, msg := range map[string]url.Values{
		"Enter your name.":                  {"name": {"  "}, "phone": {""}},
		"Enter a phone number using digits": {"name": {"Kim Minjun"}, "phone": {"call me"}},
	} {
		resp, body = cu.post("/portal/profile", msg)
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, form)
	}
	resp, body = cu.post("/portal/profile", url.Values{"name": {"Kim Minjun"}, "phone": {"+82 10 1234 5678"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal/profile")
	wantContains(t, body, "Your details are saved.", `value="Kim Minjun"`, `value="&#43;82 10 1234 5678"`)
	_, body = admin.get("/contacts/" + itoa(id))
	wantContains(t, body, "Kim Minjun", "10 1234 5678")
}

func TestProfileChangesThePassword(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "Lee Seo-yeon", "seoyeon@example.com", "corn flakes at noon")
	other := ts.client()
	other.portalSignIn("seoyeon@example.com", "corn flakes at noon")

	cu.get("/portal/profile")
	for pw, msg := range map[[2]string]string{
		{"", "a brand new phrase"}:                 "Enter your current password.",
		{"wrong guess here", "a brand new phrase"}: "This is not your current password.",
		{"corn flakes at noon", "seoyeon2026"}:     "before the @",
		{"corn flakes at noon", "short"}:           "at least 8 characters",
	} {
		resp, body := cu.post("/portal/profile/password", url.Values{"current_password": {pw[0]}, "password": {pw[1]}})
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, msg)
	}
	resp, body := cu.post("/portal/profile/password", url.Values{"current_password": {"corn flakes at noon"}, "password": {"a brand new phrase"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal/profile")
	wantContains(t, body, "Your password is saved.")
	if resp, _ := other.get("/portal"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the other device is still signed in: %d", resp.StatusCode)
	}
	resp, _ = ts.client().portalSignIn("seoyeon@example.com", "a brand new phrase")
	wantStatus(t, resp, "", http.StatusSeeOther)
}

func TestSignOutEverywhere(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "Park Ji-ho", "jiho@example.com", "corn flakes at noon")
	other := ts.client()
	other.portalSignIn("jiho@example.com", "corn flakes at noon")

	cu.get("/portal/profile")
	resp, body := cu.post("/portal/profile/sign-out-everywhere", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	for _, c := range []*client{cu, other} {
		if resp, _ := c.get("/portal/profile"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("still signed in after signing out everywhere: %d", resp.StatusCode)
		}
	}
	_, body = cu.get("/portal/login")
	wantContains(t, body, "You are signed out on every device.")
}

func TestProfileNeedsASignedInCustomerAndCSRF(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "Choi Yuna", "yuna@example.com", "corn flakes at noon")
	resp, _ := ts.client().get("/portal/profile")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/portal/login?next=") {
		t.Fatalf("anonymous profile: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := admin.get("/portal/profile"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("an agent opened a customer profile: %d", resp.StatusCode)
	}
	for _, path := range []string{"/portal/profile", "/portal/profile/password", "/portal/profile/sign-out-everywhere"} {
		resp, body := cu.post(path, url.Values{"_csrf": {""}, "name": {"Mallory"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
}

// TestProfileShowsTheNumbersAgentsStored checks that a mobile an agent
// stored shows on the customer's profile under the agents' labels, and
// that Admin > Portal settings decides which numbers customers change:
// a locked one is shown, not offered, and a forged post leaves it alone.
func TestProfileShowsTheNumbersAgentsStored(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id, cu := ts.activated(admin, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	admin.get("/contacts/" + itoa(id))
	resp, body := admin.post("/contacts/"+itoa(id), url.Values{"name": {"Kim Min-jun"}, "mobile": {"010-1234-5678"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, body = cu.get("/portal/profile")
	wantContains(t, body, "Work phone", `name="phone" type="tel" value=""`, "Mobile", `name="mobile" type="tel" value="010-1234-5678"`)
	resp, body = cu.post("/portal/profile", url.Values{"name": {"Kim Min-jun"}, "phone": {"02 555 0101"}, "mobile": {"not a number"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, `id="mobile-error"`, `value="not a number"`)
	resp, body = cu.post("/portal/profile", url.Values{"name": {"Kim Min-jun"}, "phone": {"02 555 0101"}, "mobile": {"010-9999-0000"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, body = admin.get("/admin/portal")
	wantContains(t, body, `name="edit_phone" checked`, `name="edit_mobile" checked`)
	resp, body = admin.post("/admin/portal", url.Values{"name": {"Portico"}, "submitters": {"logged_in"}, "edit_phone": {"on"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal/profile")
	wantContains(t, body, `name="phone" type="tel" value="02 555 0101"`, "<dt>Mobile</dt><dd>010-9999-0000</dd>", "To change this number, ask the support team.")
	wantNotContains(t, body, `name="mobile"`)
	resp, body = cu.post("/portal/profile", url.Values{"name": {"Kim Min-jun"}, "phone": {"02 555 0102"}, "mobile": {""}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if c, _ := ts.store.Contact(t.Context(), id); c.Phone != "02 555 0102" || c.Mobile != "010-9999-0000" {
		t.Errorf("phone %q, mobile %q: want the phone changed and the locked mobile kept", c.Phone, c.Mobile)
	}
}

// TestProfileShowsTheXHandleAndKeepsIt checks that the customer sees the
// X handle an agent stored, read-only, and that saving their details
// keeps it and the postal address, which the form does not carry.
func TestProfileShowsTheXHandleAndKeepsIt(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id, cu := ts.activated(admin, "Aroha Ngata", "aroha@example.com", "corn flakes at noon")
	admin.get("/contacts/" + itoa(id))
	resp, body := admin.post("/contacts/"+itoa(id), url.Values{"name": {"Aroha Ngata"}, "twitter_id": {"@aroha_ngata"},
		"address": {"12 Queen Street\nAuckland"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, body = cu.get("/portal/profile")
	wantContains(t, body, "<dt>X (Twitter)</dt><dd>@aroha_ngata</dd>")
	wantNotContains(t, body, `name="twitter_id"`)
	resp, body = cu.post("/portal/profile", url.Values{"name": {"Aroha N."}, "twitter_id": {"forged"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if c, _ := ts.store.Contact(t.Context(), id); c.Name != "Aroha N." || c.TwitterID != "aroha_ngata" || c.Address != "12 Queen Street\nAuckland" {
		t.Errorf("after the customer's save: %q, X handle %q, address %q", c.Name, c.TwitterID, c.Address)
	}
}
