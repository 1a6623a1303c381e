package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// submitTicket submits a ticket as a signed-in customer and returns its
// id.
func (c *client) submitTicket(subject, description string) int64 {
	c.ts.t.Helper()
	c.get("/portal/tickets/new")
	resp, body := c.post("/portal/tickets", url.Values{"subject": {subject}, "description": {description}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/portal/tickets/") {
		c.ts.t.Fatalf("submit %q: %d %s", subject, resp.StatusCode, mainOf(body))
	}
	return mustID(c.ts.t, strings.TrimPrefix(loc, "/portal/tickets/"))
}

// request submits a ticket as a visitor who is not signed in.
func (c *client) request(name, email, subject string) (*http.Response, string) {
	c.get("/portal/tickets/new")
	return c.post("/portal/tickets", url.Values{"name": {name}, "email": {email},
		"subject": {subject}, "description": {"Please help."}})
}

// portalSettings changes Admin > Portal settings through the store.
func (ts *testServer) portalSettings(who model.TicketSubmitters, signUp bool) {
	ts.t.Helper()
	err := ts.store.SetPortalSettings(context.Background(), testActor, model.PortalSettings{Name: "Acme Help", Submitters: who, SignUp: signUp})
	if err != nil {
		ts.t.Fatal(err)
	}
}

// ticketsOf returns the subjects of a contact's tickets, newest first.
func (ts *testServer) ticketsOf(contactID int64) []string {
	ts.t.Helper()
	tickets, err := ts.store.ContactTickets(context.Background(), contactID, 100)
	if err != nil {
		ts.t.Fatal(err)
	}
	var out []string
	for _, t := range tickets {
		out = append(out, t.Subject)
	}
	return out
}

// contactByEmail returns the id and state of the contact holding address.
func (ts *testServer) contactByEmail(address string) (int64, model.State) {
	ts.t.Helper()
	t, err := ts.store.LinkTargetByEmail(context.Background(), address)
	if err != nil {
		ts.t.Fatalf("no contact holds %s: %v", address, err)
	}
	return t.ID, t.State
}
