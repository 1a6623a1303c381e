package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestVisitorsSubmitOnlyWhenEveryoneMay(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	resp, _ := c.get("/portal/tickets/new")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/portal/login?next=%2Fportal%2Ftickets%2Fnew" {
		t.Fatalf("signed-out form with logged-in users only: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	c.get("/portal/login")
	resp, _ = c.post("/portal/tickets", url.Values{"name": {"Eve"}, "email": {"eve@example.com"}, "subject": {"S"}, "description": {"D"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if n := ts.emailsTo("eve@example.com"); n != 0 {
		t.Fatalf("%d emails after a refused request", n)
	}
	if _, err := ts.store.LinkTargetByEmail(context.Background(), "eve@example.com"); err == nil {
		t.Fatal("a refused request created a contact")
	}
	_, body := c.get("/portal/login")
	wantNotContains(t, body, "Submit a ticket", "Sign up")
}

func TestVisitorTicketFindsOrCreatesTheContactAndSaysTheSame(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitEveryone, false)
	admin := ts.admin()
	known := ts.createContact("Known Person", "known@example.com", "known.alias@example.com")
	ts.agentClient("Agent Smith", "smith@example.com")
	admin.get("/admin/notifications")
	admin.post("/admin/notifications", url.Values{"activation_auto": {"on"}})

	_, body := ts.client().get("/portal/login")
	wantContains(t, body, `href="/portal/tickets/new">Submit a ticket`)
	answers := map[string]string{}
	for _, addr := range []string{"known.alias@example.com", "new.person@example.com", "smith@example.com"} {
		resp, body := ts.client().request("Typed Name", addr, "Need help from "+addr)
		wantStatus(t, resp, body, http.StatusOK)
		wantContains(t, body, "We've received your request", "We've emailed you at <strong>"+addr)
		answers[addr] = body
	}
	wantSame(t, stripAddr(answers["known.alias@example.com"], "known.alias@example.com"), stripAddr(answers["new.person@example.com"], "new.person@example.com"))
	wantSame(t, stripAddr(answers["smith@example.com"], "smith@example.com"), stripAddr(answers["new.person@example.com"], "new.person@example.com"))

	if got := ts.ticketsOf(known); len(got) != 1 || got[0] != "Need help from known.alias@example.com" {
		t.Fatalf("the known contact's tickets: %q", got)
	}
	newID, state := ts.contactByEmail("new.person@example.com")
	if state != model.StateUnverified || len(ts.ticketsOf(newID)) != 1 {
		t.Fatalf("new contact %d: %s, tickets %q", newID, state, ts.ticketsOf(newID))
	}
	if n := ts.emailsTo("new.person@example.com"); n != 2 { // received + automatic activation
		t.Fatalf("%d emails to the new contact, want 2", n)
	}
	if n := ts.emailsTo("known.alias@example.com"); n != 1 { // received only: it existed already
		t.Fatalf("%d emails to the known contact, want 1", n)
	}
	if n := ts.emailsTo("smith@example.com"); n != 0 {
		t.Fatalf("an agent's address got %d emails", n)
	}
	_, body = admin.get("/contacts/" + itoa(newID))
	wantContains(t, body, "Typed Name", "Customer portal", "Need help from new.person@example.com")
	ct, _ := ts.store.Contact(context.Background(), known)
	if ct.Name != "Known Person" {
		t.Fatalf("a visitor renamed the contact to %q", ct.Name)
	}
}

func TestVisitorTicketValidation(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitEveryone, false)
	c := ts.client()
	_, body := c.get("/portal/tickets/new")
	wantContains(t, body, `name="name"`, `name="email"`, `name="subject"`)
	resp, body := c.post("/portal/tickets", url.Values{"name": {""}, "email": {"nope"}, "subject": {"Subject kept"}, "description": {""}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter your name.", "Enter a valid email address", "Describe your request", `value="Subject kept"`)
}

func TestVisitorTicketsAreRateLimited(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitEveryone, false)
	c := ts.client()
	var resp *http.Response
	var body string
	for i := range 4 {
		resp, body = c.request("Flood", "flood@example.com", "Flood "+itoa(int64(i)))
	}
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	wantContains(t, body, "Too many requests", `value="Flood 3"`)
	id, _ := ts.contactByEmail("flood@example.com")
	if n := len(ts.ticketsOf(id)); n != 3 {
		t.Fatalf("%d tickets, want 3", n)
	}
	resp, body = c.request("Other", "other@example.com", "Another address")
	wantStatus(t, resp, body, http.StatusOK)
}

func TestSignUpOnlyWhenAllowed(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	resp, body := c.get("/portal/signup")
	wantStatus(t, resp, body, http.StatusNotFound)
	c.get("/portal/login")
	resp, body = c.post("/portal/signup", url.Values{"name": {"New"}, "email": {"new@example.com"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	if ts.emailsTo("new@example.com") != 0 {
		t.Fatal("sign-up while off sent an email")
	}
}

func TestSignUpSaysTheSameForEveryAddress(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitLoggedIn, true)
	admin := ts.admin()
	ts.createContact("Waiting Person", "waiting@example.com")
	ts.activated(admin, "Active Person", "active@example.com", "corn flakes at noon")
	before := ts.emailsTo("active@example.com")

	_, body := ts.client().get("/portal/login")
	wantContains(t, body, `href="/portal/signup"`)
	answers := map[string]string{}
	for _, addr := range []string{"fresh@example.com", "waiting@example.com", "active@example.com"} {
		c := ts.client()
		c.get("/portal/signup")
		resp, body := c.post("/portal/signup", url.Values{"name": {"Signing Up"}, "email": {addr}})
		wantStatus(t, resp, body, http.StatusOK)
		wantContains(t, body, "Check your email")
		answers[addr] = stripAddr(body, addr)
	}
	wantSame(t, answers["fresh@example.com"], answers["waiting@example.com"])
	wantSame(t, answers["fresh@example.com"], answers["active@example.com"])

	id, state := ts.contactByEmail("fresh@example.com")
	if state != model.StateUnverified {
		t.Fatalf("signed-up contact %d is %s", id, state)
	}
	for _, addr := range []string{"fresh@example.com", "waiting@example.com"} {
		if link := ts.linkTo(addr); link[:len("/portal/activate/")] != "/portal/activate/" {
			t.Fatalf("%s got %s", addr, link)
		}
	}
	if ts.emailsTo("active@example.com") != before+1 || ts.linkTo("active@example.com")[:len("/portal/reset/")] != "/portal/reset/" {
		t.Fatal("a verified address was not sent a password reset link")
	}
	cu := ts.client()
	link := ts.linkTo("fresh@example.com")
	cu.get(link)
	resp, body := cu.post(link, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal")
	wantContains(t, body, "Signed in as Signing Up (fresh@example.com)")
}

func TestSignUpValidationAndLimits(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitLoggedIn, true)
	c := ts.client()
	c.get("/portal/signup")
	resp, body := c.post("/portal/signup", url.Values{"name": {" "}, "email": {"bad@"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter your name.", "Enter a valid email address")
	for range 3 {
		resp, body = c.post("/portal/signup", url.Values{"name": {"Again"}, "email": {"again@example.com"}})
		wantStatus(t, resp, body, http.StatusOK)
	}
	resp, body = c.post("/portal/signup", url.Values{"name": {"Again"}, "email": {"again@example.com"}})
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	wantContains(t, body, "Too many requests")
	if n := ts.emailsTo("again@example.com"); n != 3 {
		t.Fatalf("%d emails, want 3", n)
	}
}

func TestPortalSettingsPage(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	agent := ts.agentClient("Agent Smith", "smith@example.com")
	resp, body := agent.get("/admin/portal")
	wantStatus(t, resp, body, http.StatusForbidden)

	_, body = admin.get("/admin/portal")
	wantContains(t, body, "Who can submit a new ticket", `value="logged_in" checked`, "Allow users to sign up", `value="Portico"`)
	resp, body = admin.post("/admin/portal", url.Values{"name": {"   "}, "submitters": {"everyone"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter the name your customers know you by")
	resp, _ = admin.post("/admin/portal", url.Values{"name": {" Acme  Help "}, "submitters": {"everyone"}, "signup": {"on"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	_, body = admin.get("/admin/portal")
	wantContains(t, body, "Portal settings saved.", `value="everyone" checked`, `name="signup" checked`, `value="Acme Help"`)
	_, body = ts.client().get("/portal/signup")
	wantContains(t, body, "<title>Sign up · Acme Help</title>", "Submit a ticket")
}

// stripAddr blanks the address a visitor typed, which their answer
// repeats, so answers to different addresses can be compared.
func stripAddr(body, addr string) string {
	return strings.ReplaceAll(body, addr, "ADDRESS")
}
