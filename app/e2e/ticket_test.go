package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// TestSubmitTicketsInThePortal is a customer's first ticket: signed in
// with their password, they open "New ticket" from the portal's start
// page, submit it and find it in their list. Then an admin lets everyone
// submit, and a visitor who is not signed in submits one with their name
// and address, which makes them a contact. With PORTICO_SCREENSHOTS set
// it saves the form, the list and the settings page there.
func TestSubmitTicketsInThePortal(t *testing.T) {
	app := startPortico(t)
	admin := adminPage(t, app)
	app.customer(t, "Ann Customer", "ann@example.com", "corn flakes at noon")

	c := newPage(t, app)
	c.open("/portal/login")
	c.fill(`input[name="email"]`, "ann@example.com")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.waitText("main .empty", "No tickets yet")
	c.click(`main a[href="/portal/tickets/new"]`)
	c.waitText("h1", "New ticket")
	c.fill(`input[name="subject"]`, "The March invoice is missing")
	c.fill(`textarea[name="description"]`, "I cannot find it under Billing.\nCould you send it again?")
	shot(c, "portal-ticket-new.png")
	c.click(`main form button.primary`)
	c.waitText("h1", "The March invoice is missing")
	c.waitText("main .alert", "Your ticket was submitted")
	c.waitText(".thread", "Could you send it again?")
	shot(c, "portal-ticket.png")
	c.open("/portal/tickets")
	c.waitText(".ticket-list", "The March invoice is missing")
	shot(c, "portal-tickets.png")
	c.open("/portal")
	c.waitText(".ticket-list", "The March invoice is missing")
	shot(c, "portal-home.png")

	admin.open("/admin/portal")
	admin.click(`input[name="submitters"][value="everyone"]`)
	admin.click(`main form button.primary`)
	admin.waitText("#toasts", "Portal settings saved")
	shot(admin, "admin-portal-settings.png")

	v := newPage(t, app)
	v.open("/portal/login")
	v.click(`.portal-nav a[href="/portal/tickets/new"]`)
	v.waitText("h1", "New ticket")
	v.fill(`input[name="name"]`, "Vic Visitor")
	v.fill(`input[name="email"]`, "vic@example.com")
	v.fill(`input[name="subject"]`, "Do you ship to Jeju?")
	v.fill(`textarea[name="description"]`, "And how long does it take?")
	shot(v, "portal-ticket-visitor.png")
	v.click(`main form button.primary`)
	v.waitText("h1", "We've received your request")
	target, err := app.Store.LinkTargetByEmail(context.Background(), "vic@example.com")
	if err != nil || target.State != model.StateUnverified || target.Name != "Vic Visitor" {
		t.Fatalf("the visitor's contact: %+v, %v", target, err)
	}
	tickets, err := app.Store.ContactTickets(context.Background(), target.ID, 10)
	if err != nil || len(tickets) != 1 || tickets[0].Subject != "Do you ship to Jeju?" {
		t.Fatalf("the visitor's tickets: %+v, %v", tickets, err)
	}
}

// customer makes a verified contact with a portal password: created in
// the store, sent the activation email, and activated with the link of
// that email through the activation service.
func (p *portico) customer(t *testing.T, name, email, password string) int64 {
	t.Helper()
	ctx := context.Background()
	id := p.createContact(t, contact(name, email))
	mailer := &mail.Mailer{Store: p.Store, Templates: &mail.Templates{Store: p.Store}}
	svc := &activation.Service{Store: p.Store, Mailer: mailer, BaseURL: p.URL}
	if _, err := svc.Send(ctx, e2eActor, id); err != nil {
		t.Fatal(err)
	}
	token := p.linkIn(t, email)
	if _, err := svc.SetPassword(ctx, token[strings.LastIndexByte(token, '/')+1:], model.LinkActivation, password); err != nil {
		t.Fatalf("set %s's password: %v", name, err)
	}
	return id
}
