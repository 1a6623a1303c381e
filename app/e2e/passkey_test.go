package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestInviteActivateWithAPasskeyAndSignIn is the spine of Portico as
// people live it. An agent creates a contact, hovers its row and sends
// the activation email, which arrives at a real SMTP server. The
// customer opens its link, creates a passkey (a virtual authenticator
// stands in for a fingerprint reader) and lands signed in on the portal;
// signs out, signs in with the "Sign in with a passkey" button, signs
// out, and signs in again by picking the passkey in the email field's
// autofill. Meanwhile a webhook receiver gets contact.verified, signed,
// with the method "passkey". The profile then lists the passkey, and
// the customer submits a ticket and finds it in their list.
//
// A virtual authenticator answers an autofill request as soon as the
// page makes it, so the button is tried on pages that report no autofill
// support, and the autofill sign-in needs no pick from a list.
func TestInviteActivateWithAPasskeyAndSignIn(t *testing.T) {
	app := startSpine(t)
	hooks := startReceiver(t, app.portico)
	p := adminPage(t, app.portico)
	p.open("/contacts/new")
	p.fill(`input[name="name"]`, "Kim Min-jun")
	p.fill(`input[name="email"]`, "minjun@example.com")
	p.click(`form button.primary`)
	p.waitText("h1", "Kim Min-jun")
	id := mustID(t, p.location().Path)

	p.open("/contacts?view=unverified")
	row := fmt.Sprintf("#contact-%d", id)
	p.waitText(row, "Kim Min-jun")
	p.hover(row)
	p.waitFor("the hovered row's Send activation button", `(sel) => getComputedStyle(document.querySelector(sel)).opacity === "1"`, row+" .row-action button")
	p.click(row + " .row-action button")
	p.waitText(row, "Activation sent")

	link := linkInMail.FindString(app.smtp.textTo(t, "minjun@example.com"))
	u, err := url.Parse(link)
	if link == "" || err != nil || u.Host != app.Config.ParsedBase.Host {
		t.Fatalf("the email's link %q does not lead to %s", link, app.URL)
	}
	c := newPage(t, app.portico)
	c.addAuthenticator()
	c.open(u.Path)
	c.waitText("h1", "Activate your account")
	c.waitFor("the passkey offer", `() => !document.querySelector(".passkey-offer").hidden`)
	shot(c, "portal-activate-passkey.png")
	c.click(`.passkey-offer [data-passkey-start]`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Kim Min-jun (minjun@example.com)")

	restore := c.withoutAutofill()
	c.click(`.portal-head form button`)
	c.waitPath("/portal/login")
	c.waitFor("the passkey button", `() => !document.querySelector("[data-passkey-login]").hidden`)
	shot(c, "portal-login.png")
	c.click(`[data-passkey-login]`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Kim Min-jun")

	restore()
	c.markPage()
	c.click(`.portal-head form button`)
	c.waitFor("the email field, focused", `() => {
		if (window.portico_marked) return false; // still the page signed out from
		const f = document.querySelector('input[name="email"][autocomplete="username webauthn"]');
		if (f) f.focus();
		return f !== null || location.pathname === "/portal";
	}`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Kim Min-jun")

	c.open("/portal/profile")
	c.waitText("#passkeys", "Passkey")
	c.waitText("#passkeys", "last used")
	shot(c, "portal-profile.png")

	c.open("/portal")
	c.click(`main a[href="/portal/tickets/new"]`)
	c.waitText("h1", "New ticket")
	c.fill(`input[name="subject"]`, "My order has not arrived")
	c.fill(`textarea[name="description"]`, "It was due on Monday.")
	c.click(`main form button.primary`)
	c.waitText("h1", "My order has not arrived")
	c.open("/portal/tickets")
	c.waitText(".ticket-list", "My order has not arrived")

	var verified events.ContactVerified
	if err := json.Unmarshal(hooks.wait(t, events.TypeContactVerified), &verified); err != nil {
		t.Fatal(err)
	}
	if verified.Method != "passkey" || verified.Contact.ID != id || verified.Contact.State != "verified" {
		t.Fatalf("contact.verified webhook: %+v", verified)
	}
}

// mustID reads the contact id at the end of a contact page's path.
func mustID(t *testing.T, path string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(path, "/contacts/%d", &id); err != nil {
		t.Fatalf("not a contact page: %s", path)
	}
	return id
}

// TestBulkActivationOfAHundred sends the activation email to every one
// of 100 unverified contacts with the bulk bar's "Apply to all 100
// matching" in the Unverified view, follows the job's progress to the end, and finds
// 100 activation emails queued and delivered, once the count is
// confirmed.
func TestBulkActivationOfAHundred(t *testing.T) {
	app := startSpine(t, func(t *testing.T, st *store.Store) {
		for i := range 100 {
			if _, err := st.CreateContact(context.Background(), e2eActor, contact(fmt.Sprintf("Customer %03d", i), fmt.Sprintf("customer%03d@example.com", i))); err != nil {
				t.Fatal(err)
			}
		}
	})
	p := adminPage(t, app.portico)
	p.open("/contacts?view=unverified")
	p.bulkAll("activation", "Apply to all 100 matching", "Send 100 activation emails")
	p.waitText("#bulk-progress h1", "Activation emails queued")
	p.waitText("#bulk-progress", "100 of 100 contacts")
	if got := p.texts("#bulk-progress dd"); len(got) != 3 || got[0] != "100" || got[1] != "0" || got[2] != "0" {
		t.Fatalf("sent, without an email, no longer unverified: %q", got)
	}
	queued, err := app.Store.ListEmails(context.Background(), model.MailQuery{Search: "@example.com", Page: 1, PerPage: 1})
	if err != nil || queued.Total != 100 {
		t.Fatalf("%d activation emails queued, want 100 (%v)", queued.Total, err)
	}
	testkit.Eventually(t, pageTimeout, func() bool { return app.smtp.count() >= 100 }, "fewer than 100 emails reached the SMTP server")
	if n := app.smtp.count(); n != 100 {
		t.Fatalf("%d emails reached the SMTP server, want 100", n)
	}
}
