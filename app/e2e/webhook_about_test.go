package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
)

// TestWebhookLogByContact: an agent creates a contact, whose
// contact.created webhook is delivered; the contact's page lists that
// delivery, and its link opens the endpoint's log filtered by the
// contact with the delivery expanded. Every row names its contact; the
// row's "all about them" link and the filter's ✕ narrow and widen the log.
func TestWebhookLogByContact(t *testing.T) {
	app := startConfigured(t, func(c *config.Config, _ int) { c.WebhookAllowNetsRaw = "127.0.0.0/8" })
	startReceiver(t, app)
	runWebhooks(t, app)
	ann := app.createContact(t, contact("Ann Lee", "ann@home.example"))
	app.createContact(t, contact("Bo Kim", "bo@home.example"))
	p := adminPage(t, app)

	p.open(fmt.Sprintf("/contacts/%d", ann))
	p.waitText("#deliveries", "contact.created")
	for state := ""; state != "delivered"; p.eval(`document.querySelector("#deliveries .badge").textContent`, &state) {
		time.Sleep(50 * time.Millisecond)
		p.open(fmt.Sprintf("/contacts/%d", ann))
	}
	p.click("#deliveries li a")
	p.waitText(".about-filter", "About Ann Lee")
	p.waitFor("the delivery, expanded", `() => document.querySelectorAll("details.delivery").length === 1 && document.querySelector("details.delivery").open`)
	p.waitText("details.delivery .delivery-body", "Ann Lee")

	p.click(".about-filter a")
	p.waitFor("both contacts' deliveries", `() => document.querySelectorAll("details.delivery").length === 2`)
	if got := p.texts("details.delivery .about > a:first-child"); len(got) != 2 || got[0] != "Bo Kim" || got[1] != "Ann Lee" {
		t.Fatalf("the rows name %q, want Bo Kim and Ann Lee", got)
	}
	p.click(`details.delivery .about a.filter-by[aria-label="Only deliveries about Bo Kim"]`)
	p.waitText(".about-filter", "About Bo Kim")
	p.waitFor("Bo Kim's delivery alone", `() => document.querySelectorAll("details.delivery").length === 1`)
	shot(p, "webhook-log-about.png")
	p.click("details.delivery .about > a:first-child")
	p.waitText("h1", "Bo Kim")
}
