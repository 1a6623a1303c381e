package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

func TestPortalTicketsAreTheCustomersOwn(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	annID, ann := ts.activated(admin, "Anna Customer", "anna@example.com", "corn flakes at noon")
	_, bob := ts.activated(admin, "Bob Customer", "bob@example.com", "corn flakes at noon")

	_, body := ann.get("/portal")
	wantContains(t, body, "My tickets", "No tickets yet", `href="/portal/tickets/new"`)
	id := ann.submitTicket("Printer on fire", "It started this morning.\nSend help.")
	resp, body := ann.get("/portal/tickets/" + itoa(id))
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Your ticket was submitted", "<h1>Printer on fire</h1>", "It started this morning.\nSend help.", "opened by you")
	_, body = ann.get("/portal")
	wantContains(t, body, "Printer on fire")
	_, body = ann.get("/portal/tickets")
	wantContains(t, body, "Printer on fire")

	_, body = bob.get("/portal/tickets")
	wantNotContains(t, body, "Printer on fire")
	wantContains(t, body, "No tickets yet")
	resp, other := bob.get("/portal/tickets/" + itoa(id))
	wantStatus(t, resp, other, http.StatusNotFound)
	resp, missing := bob.get("/portal/tickets/9999")
	wantStatus(t, resp, missing, http.StatusNotFound)
	wantSame(t, other, missing)

	_, body = admin.get("/contacts/" + itoa(annID))
	wantContains(t, body, `id="tickets"`, "Printer on fire", "opened ticket")
}

func TestPortalTicketValidation(t *testing.T) {
	ts := newTestServer(t)
	_, ann := ts.activated(ts.admin(), "Anna Customer", "anna@example.com", "corn flakes at noon")
	ann.get("/portal/tickets/new")
	resp, body := ann.post("/portal/tickets", url.Values{"subject": {"  "}, "description": {"kept <b>as typed</b>"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter a subject", "kept &lt;b&gt;as typed&lt;/b&gt;")
	wantNotContains(t, body, `name="email"`)
	resp, body = ann.post("/portal/tickets", url.Values{"subject": {"Hello"}, "description": {""}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Describe your request")
}

func TestCompanyTicketsNeedTheViewAllFlag(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	acme := ts.createCompany("Acme", "acme.com")
	_, ann := ts.activated(admin, "Ann Acme", "ann@acme.com", "corn flakes at noon")
	bobID, bob := ts.activated(admin, "Bob Acme", "bob@acme.com", "corn flakes at noon")
	ann.submitTicket("Invoice missing", "March.")
	bob.submitTicket("Bob's own", "Mine.")

	_, body := bob.get("/portal/tickets")
	wantNotContains(t, body, "Invoice missing")
	if err := ts.store.SetViewAllTickets(context.Background(), testActor, bobID, acme, true); err != nil {
		t.Fatal(err)
	}
	_, body = bob.get("/portal/tickets")
	wantContains(t, body, "Invoice missing", "by Ann Acme", "Bob&#39;s own")
	_, body = ann.get("/portal/tickets")
	wantNotContains(t, body, "Bob&#39;s own")
}

func TestTicketKeepsItsCompanyWhenTheContactMoves(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ctx := context.Background()
	acme, beta := ts.createCompany("Acme", "acme.com"), ts.createCompany("Beta")
	annID, ann := ts.activated(admin, "Ann Mover", "ann@acme.com", "corn flakes at noon")
	watchAcme, acmeWatcher := ts.activated(admin, "Watcher Acme", "watch@acme.com", "corn flakes at noon")
	watchBeta, betaWatcher := ts.activated(admin, "Watcher Beta", "watch@beta.example", "corn flakes at noon")
	ann.submitTicket("Raised at Acme", "one")

	for _, err := range []error{
		ts.store.SetViewAllTickets(ctx, testActor, watchAcme, acme, true),
		ts.store.AddMembership(ctx, testActor, watchBeta, beta),
		ts.store.SetViewAllTickets(ctx, testActor, watchBeta, beta, true),
		ts.store.AddMembership(ctx, testActor, annID, beta),
		ts.store.SetDefaultCompany(ctx, testActor, annID, beta),
		ts.store.RemoveMembership(ctx, testActor, annID, acme),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	ann.submitTicket("Raised at Beta", "two")

	_, body := acmeWatcher.get("/portal/tickets")
	wantContains(t, body, "Raised at Acme", "· Acme")
	wantNotContains(t, body, "Raised at Beta")
	_, body = betaWatcher.get("/portal/tickets")
	wantContains(t, body, "Raised at Beta", "· Beta")
	wantNotContains(t, body, "Raised at Acme")
	_, body = ann.get("/portal/tickets")
	wantContains(t, body, "Raised at Acme", "Raised at Beta")
}

func TestPortalTicketFormsNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings("everyone", true)
	c := ts.client()
	c.get("/portal/tickets/new")
	for _, path := range []string{"/portal/tickets", "/portal/signup"} {
		resp, body := c.post(path, url.Values{"_csrf": {""}, "name": {"A"}, "email": {"a@example.com"}, "subject": {"S"}, "description": {"D"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	admin := ts.admin()
	admin.get("/admin/portal")
	resp, body := admin.post("/admin/portal", url.Values{"_csrf": {""}, "name": {"X"}})
	wantStatus(t, resp, body, http.StatusForbidden)
}
