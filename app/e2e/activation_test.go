package e2e

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/model"
)

// TestActivateFromTheContactsList is the activation as people do it: an
// agent creates a contact, hovers its row in the list and sends the
// activation email; the row says it was sent, in place. The customer
// opens the link of the email, chooses a password and lands signed in on
// the portal, signs out, and signs in again with the password. With
// PORTICO_SCREENSHOTS set it saves the hovered row and the activation
// page there.
func TestActivateFromTheContactsList(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	p.open("/contacts/new")
	p.fill(`input[name="name"]`, "Kim Min-jun")
	p.fill(`input[name="email"]`, "minjun@example.com")
	p.click(`form button.primary`)
	p.waitText("h1", "Kim Min-jun")
	target, err := app.Store.LinkTargetByEmail(context.Background(), "minjun@example.com")
	if err != nil {
		t.Fatal(err)
	}
	app.createContact(t, contact("Lee Seo-yeon", "seoyeon@example.com"))

	p.open("/contacts?view=unverified")
	row := fmt.Sprintf("#contact-%d", target.ID)
	send := row + " .row-action button"
	p.waitText(row, "Kim Min-jun")
	p.hover(row)
	p.waitFor("the hovered row's Send activation button", `(sel) => getComputedStyle(document.querySelector(sel)).opacity === "1"`, send)
	shot(p, "contacts-row-hover.png")
	p.markWindow()
	p.click(send)
	p.waitText(row, "Activation sent")
	p.waitText("#toasts", "Activation email sent to minjun@example.com.")
	p.samePage("sending the activation email from a row")

	c := newPage(t, app)
	c.open(app.linkIn(t, "minjun@example.com"))
	c.waitText("h1", "Activate your account")
	c.waitText(".who-card", "minjun@example.com")
	shot(c, "portal-activate.png")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Kim Min-jun (minjun@example.com)")

	c.click(`.portal-head form button`)
	c.waitPath("/portal/login")
	c.fill(`input[name="email"]`, "minjun@example.com")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Kim Min-jun")
}

// hover moves the mouse over the middle of the element sel matches.
func (p *page) hover(sel string) {
	p.t.Helper()
	var box struct{ X, Y float64 }
	p.eval(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, sel), &box)
	p.do(chromedp.MouseEvent(chromedp.MouseMoved, box.X, box.Y))
}

var linkInMail = regexp.MustCompile(`https?://[^\s"]+/portal/(?:activate|reset)/[A-Za-z0-9_-]+`)

// linkIn returns the path of the portal link in the newest email to
// address, as the customer would click it.
func (p *portico) linkIn(t *testing.T, address string) string {
	t.Helper()
	page, err := p.Store.ListEmails(context.Background(), model.MailQuery{Search: address, Page: 1, PerPage: 1})
	if err != nil || len(page.Mails) == 0 {
		t.Fatalf("no email to %s: %v", address, err)
	}
	m := linkInMail.FindString(page.Mails[0].Text)
	u, err := url.Parse(m)
	if m == "" || err != nil {
		t.Fatalf("no portal link in %q", page.Mails[0].Text)
	}
	return u.Path
}
