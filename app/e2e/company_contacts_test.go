package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/model"
)

// TestCompanyPageAddsContacts: on a phone-sized screen, an agent types a
// name into the company page's "Add an existing contact" box, adds the
// match it offers, and finds the contact listed and its joining in the
// company's recent activity; then creates a new contact from the page's
// New contact button and lands back on the company with it listed.
func TestCompanyPageAddsContacts(t *testing.T) {
	app := startPortico(t)
	co, err := app.Store.CreateCompany(context.Background(), e2eActor, model.CompanyFields{Name: "Hanbit Soft"})
	if err != nil {
		t.Fatal(err)
	}
	app.createContact(t, contact("Lee Seo-yeon", "seoyeon@home.example"))
	p := adminPage(t, app)
	p.do(chromedp.EmulateViewport(390, 844))
	p.open(fmt.Sprintf("/companies/%d", co))
	p.waitText("#company-activity", "Nothing has happened to its contacts yet.")
	p.markWindow()

	p.typeKeys("#find-contact", "seo")
	p.waitText("#contact-picker", "Lee Seo-yeon")
	p.samePage("searching for a contact")
	p.click(`#contact-picker button[aria-label="Add Lee Seo-yeon to Hanbit Soft"]`)
	p.waitText("#company-contacts table", "Lee Seo-yeon")
	p.waitText("#company-activity", "Lee Seo-yeon · Ada Admin company added")
	shot(p, "company-add-contact.png")

	p.click(`#company-contacts a[href="/contacts/new?company=` + fmt.Sprint(co) + `"]`)
	p.waitText("h1", "New contact at Hanbit Soft")
	p.fill(`main form input[name="name"]`, "Park Ji-ho")
	p.fill(`main form input[name="email"]`, "jiho@home.example")
	p.click("main form button.primary")
	p.waitText("#company-contacts table", "Park Ji-ho")
	p.waitText("#company-contacts table", "Lee Seo-yeon")
}
