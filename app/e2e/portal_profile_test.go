package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPortalProfileShowsTheAgentsNumbers: an agent stores a mobile on
// the contact page; the customer, on a phone-sized screen, finds it on
// their profile under the agents' label, changes it and saves. Once an
// admin keeps mobiles from customers, the profile shows the number as
// text and offers no field for it.
func TestPortalProfileShowsTheAgentsNumbers(t *testing.T) {
	app := startPortico(t)
	admin := adminPage(t, app)
	id := app.customer(t, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	admin.open(fmt.Sprintf("/contacts/%d", id))
	admin.click("#profile .panel-head a")
	admin.fill(`#profile input[name="mobile"]`, "010-1234-5678")
	admin.click("#profile button.primary")
	admin.waitText("#profile dl", "010-1234-5678")

	c := newPage(t, app)
	c.do(chromedp.EmulateViewport(390, 844))
	c.open("/portal/login")
	c.fill(`input[name="email"]`, "minjun@example.com")
	c.fill(`input[name="password"]`, "corn flakes at noon")
	c.click(`main form button.primary`)
	c.waitPath("/portal")
	c.open("/portal/profile")
	c.waitFor("the mobile in its field", `() => document.querySelector('#details input[name="mobile"]')?.value === "010-1234-5678"`)
	c.waitText("#details", "Work phone")
	c.fill(`#details input[name="mobile"]`, "010-9999-0000")
	c.click(`#details button.primary`)
	c.waitText("main .alert", "Your details are saved.")
	shot(c, "portal-profile-numbers.png")

	admin.open("/admin/portal")
	admin.click(`input[name="edit_mobile"]`)
	admin.click(`main form button.primary`)
	admin.waitText("#toasts", "Portal settings saved")
	c.open("/portal/profile")
	c.waitText("#details dl", "010-9999-0000")
	c.waitText("#details", "To change this number, ask the support team.")
	var fields int
	c.eval(`document.querySelectorAll('#details input[name="mobile"]').length`, &fields)
	if fields != 0 {
		t.Error("the profile still offers the mobile that the admin keeps from customers")
	}
}
