package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// Anyone may type anyone's address when everyone may submit: such a
// ticket is labelled, for the customer and for agents, apart from those
// the customer submitted signed in.
func TestTicketsSubmittedWithoutSigningInAreLabelled(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitEveryone, false)
	admin := ts.admin()
	id, ann := ts.activated(admin, "Ann Customer", "anna@example.com", "corn flakes at noon")
	own := ann.submitTicket("Mine, signed in", "Really me.")
	resp, body := ts.client().request("Not Ann", "anna@example.com", "Typed by someone")
	wantStatus(t, resp, body, http.StatusOK)

	const label = "Submitted without signing in"
	_, body = ann.get("/portal/tickets")
	if strings.Count(body, label) != 1 {
		t.Fatalf("the portal's list labels %d tickets, want 1:\n%s", strings.Count(body, label), mainOf(body))
	}
	_, body = ann.get("/portal/tickets/" + itoa(own))
	wantNotContains(t, body, label)
	tickets, _ := ts.store.ContactTickets(t.Context(), id, 10)
	if len(tickets) != 2 || tickets[0].SignedIn || !tickets[1].SignedIn {
		t.Fatalf("tickets: %+v", tickets)
	}
	_, body = ann.get("/portal/tickets/" + itoa(tickets[0].ID))
	wantContains(t, body, "Typed by someone", label)

	_, body = admin.get("/contacts/" + itoa(id))
	if strings.Count(body, label) != 1 {
		t.Fatalf("the contact page labels %d tickets, want 1", strings.Count(body, label))
	}
}
