package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestForgotAnswersTheSameForAnyAddress(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.activated(admin, "Han Ji-min", "jimin@example.com", "corn flakes at noon")
	before := ts.emailsTo("jimin@example.com")
	c := ts.client()
	c.get("/portal/forgot")
	resp, known := c.post("/portal/forgot", url.Values{"email": {"jimin@example.com"}})
	wantStatus(t, resp, known, http.StatusOK)
	resp, unknown := c.post("/portal/forgot", url.Values{"email": {"nobody@example.com"}})
	wantStatus(t, resp, unknown, http.StatusOK)
	wantSame(t, known, unknown)
	wantContains(t, known, "Check your email", "If that address belongs to an account")
	if ts.emailsTo("jimin@example.com") != before+1 || ts.emailsTo("nobody@example.com") != 0 {
		t.Fatal("the reset email was not queued, or went to an unknown address")
	}
}

func TestResetSetsANewPassword(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.activated(admin, "Yoon Seo-jun", "seojun@example.com", "corn flakes at noon")
	c := ts.client()
	c.get("/portal/forgot")
	c.post("/portal/forgot", url.Values{"email": {"seojun@example.com"}})
	link := ts.linkTo("seojun@example.com")
	if !strings.HasPrefix(link, "/portal/reset/") {
		t.Fatalf("a verified contact was sent %s, want a reset link", link)
	}
	resp, body := c.get(link)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Choose a new password", "Yoon Seo-jun")
	wantNotContains(t, body, "Activate your account")
	resp, body = c.post(link, url.Values{"password": {"password"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	resp, body = c.post(link, url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, _ = ts.client().portalSignIn("seojun@example.com", "corn flakes at noon")
	wantStatus(t, resp, "", http.StatusUnauthorized)
	resp, _ = ts.client().portalSignIn("seojun@example.com", "lemon tree in june")
	wantStatus(t, resp, "", http.StatusSeeOther)
}

func TestDeadLinksOfferANewOne(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Kang Da-eun", "daeun@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	old := ts.linkTo("daeun@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", url.Values{"again": {"1"}})
	current := ts.linkTo("daeun@example.com")
	c := ts.client()
	cases := map[string]string{
		old:                           "A newer link was sent",
		"/portal/activate/not-a-link": "not one we sent",
		strings.Replace(current, "/activate/", "/reset/", 1): "not one we sent",
	}
	for link, why := range cases {
		resp, body := c.get(link)
		wantStatus(t, resp, body, http.StatusGone)
		wantContains(t, body, "This link no longer works", why, "Send me a new link")
	}
	c.get(current)
	c.post(current, url.Values{"password": {"corn flakes at noon"}})
	resp, body := ts.client().get(current)
	wantStatus(t, resp, body, http.StatusGone)
	wantContains(t, body, "already used")
}

func TestNewLinksAreRateLimitedPerAddress(t *testing.T) {
	ts := newTestServer(t)
	var resp *http.Response
	var body string
	for i := range 4 {
		c := ts.client() // a new visitor each time, as from other browsers
		c.get("/portal/forgot")
		resp, body = c.post("/portal/forgot", url.Values{"email": {"target@example.com"}})
		if i < 3 {
			wantStatus(t, resp, body, http.StatusOK)
		}
	}
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	wantContains(t, body, "Too many links were asked for")
}

// TestAnotherContactsLinkSignsInAsThem: whoever holds a contact's link
// owns its mailbox, so using it signs the browser in as that contact
// and ends the session it had.
func TestAnotherContactsLinkSignsInAsThem(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "First Customer", "first@example.com", "corn flakes at noon")
	firstCookie := cu.cookie("portico_portal")
	other := ts.createContact("Second Customer", "second@example.com")
	admin.post("/contacts/"+itoa(other)+"/activation", nil)
	link := ts.linkTo("second@example.com")
	cu.get(link)
	resp, body := cu.post(link, url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal")
	wantContains(t, body, "Signed in as Second Customer")
	stale := ts.client()
	stale.jar.SetCookies(base, []*http.Cookie{{Name: "portico_portal", Value: firstCookie}})
	if resp, _ := stale.get("/portal"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the replaced session still works: %d", resp.StatusCode)
	}
}

// TestLinksWorkOnlyOnTheirOwnPage: an activation link posted to the reset
// page, or a reset link to the activation page, sets no password and
// verifies no one; each still works on its own page.
func TestLinksWorkOnlyOnTheirOwnPage(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Seo Ha-eun", "haeun@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	activate := ts.linkTo("haeun@example.com")
	c := ts.client()
	c.get("/portal/forgot")
	wrong := strings.Replace(activate, "/activate/", "/reset/", 1)
	resp, body := c.post(wrong, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusGone)
	wantContains(t, body, "not one we sent")
	if _, st := ts.contactByEmail("haeun@example.com"); st != model.StateUnverified {
		t.Fatalf("an activation link on the reset page made the contact %s", st)
	}
	c.get(activate)
	resp, body = c.post(activate, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	reset := ts.linkTo("haeun@example.com")
	wrong = strings.Replace(reset, "/reset/", "/activate/", 1)
	c.get("/portal")
	resp, body = c.post(wrong, url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusGone)
	if resp, _ := ts.client().portalSignIn("haeun@example.com", "lemon tree in june"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a reset link on the activation page changed the password: %d", resp.StatusCode)
	}
	c.get(reset)
	resp, body = c.post(reset, url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
}
