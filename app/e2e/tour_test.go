package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// agentPages are the pages an admin reaches from the menus, on the demo
// data; the mailbox's first email is the customer's activation.
var agentPages = []string{
	"/contacts", "/contacts?view=deleted", "/contacts/new", "/contacts/1", "/contacts/1/merge",
	"/contacts/export", "/contacts/exports", "/contacts/import", "/contacts/imports",
	"/companies", "/companies/new", "/companies/1", "/companies/import", "/companies/imports",
	"/agents", "/admin", "/admin/mailbox", "/admin/mailbox/1", "/admin/email-templates",
	"/admin/email-templates/activation", "/admin/notifications", "/admin/notifications/texts/activation", "/admin/portal",
	"/admin/webhooks", "/admin/webhooks/new", "/admin/email", "/admin/plugins",
	"/tickets", "/tickets?view=mine", "/tickets/1", "/reports/timesheet",
}

// visitorPages are the portal's pages for someone not signed in, and
// customerPages those for a signed-in customer.
var (
	visitorPages  = []string{"/portal/login", "/portal/forgot", "/portal/signup", "/portal/tickets/new"}
	customerPages = []string{"/portal", "/portal/profile", "/portal/tickets", "/portal/tickets/new"}
)

// TestEveryPageFitsAPhone opens every agent and portal page at a phone's
// width (390 pixels) and a laptop's (1,366), and fails when a page is
// wider than the window, so that reading it takes sideways scrolling.
// With PORTICO_TOUR_SHOTS set to a directory it saves every page there.
func TestEveryPageFitsAPhone(t *testing.T) {
	app := startPortico(t, loadDemo, openPortal)
	app.createAdmin(t)
	customerPages := append(customerPages, fmt.Sprintf("/portal/tickets/%d", customerWithTicket(t, app)))
	for _, w := range []int64{390, 1366} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			admin := openTab(t, app, w, 860, 3*time.Minute)
			admin.signIn()
			admin.tour(agentPages, w)
			visitor := newPageSized(t, app, w, 860)
			visitor.tour(visitorPages, w)
			customer := newPageSized(t, app, w, 860)
			customer.portalSignIn("ann@example.com", "corn flakes at noon")
			customer.tour(customerPages, w)
		})
	}
}

// tour opens each path and checks that nothing sticks out of the window.
func (p *page) tour(paths []string, width int64) {
	p.t.Helper()
	dir := os.Getenv("PORTICO_TOUR_SHOTS")
	for _, path := range paths {
		p.open(path)
		p.waitFor("the page "+path, `() => document.readyState === "complete"`)
		var wide []string
		p.eval(tooWide, &wide)
		var flaws []string
		p.eval(layoutFlaws, &flaws)
		for _, f := range flaws {
			p.t.Errorf("%s at %d px: %s", path, width, f)
		}
		if len(wide) > 0 {
			p.t.Errorf("%s at %d px scrolls sideways; too wide: %s", path, width, strings.Join(wide, ", "))
		}
		if dir != "" {
			name := strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(strings.Trim(path, "/"))
			p.screenshot(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)))
		}
	}
}

// customerWithTicket makes Ann, a customer with a portal password, and
// her ticket, whose id it returns.
func customerWithTicket(t *testing.T, app *portico) int64 {
	t.Helper()
	ann := app.customer(t, "Ann Customer", "ann@example.com", "corn flakes at noon")
	id, err := app.Store.CreateTicket(context.Background(), e2eActor, model.NewTicket{ContactID: ann, SignedIn: true,
		Subject: "Invoice INV-2026-0412 shows the wrong VAT number", Description: "Our VAT number changed in March; the invoice still shows the old one."})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// portalSignIn signs a customer in to the portal with a password.
func (p *page) portalSignIn(email, password string) {
	p.t.Helper()
	p.open("/portal/login")
	p.fill(`input[name="email"]`, email)
	p.fill(`input[name="password"]`, password)
	p.click(`main form button.primary`)
	p.waitPath("/portal")
}

// loadDemo fills the database with the demo data.
func loadDemo(t *testing.T, st *store.Store) {
	t.Helper()
	if err := demo.Load(context.Background(), st, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
}

// openPortal lets visitors sign up and submit tickets, so that the
// portal shows all of its pages.
func openPortal(t *testing.T, st *store.Store) {
	t.Helper()
	set := model.PortalSettings{Name: "Acme Support", Submitters: model.SubmitEveryone, SignUp: true}
	if err := st.SetPortalSettings(context.Background(), e2eActor, set); err != nil {
		t.Fatal(err)
	}
}
