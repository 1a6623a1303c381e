package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestCompanyAutoLinkAndDefault: a company created with a domain takes in
// a new contact with an address there as its default company. On the
// contact's page a second company is added by name through the picker and
// made the default in place; the header follows without a page load.
func TestCompanyAutoLinkAndDefault(t *testing.T) {
	app := startPortico(t)
	if _, err := app.Store.CreateCompany(context.Background(), e2eActor, model.CompanyFields{Name: "Daeho Logistics"}); err != nil {
		t.Fatal(err)
	}
	p := adminPage(t, app)
	p.open("/companies/new")
	p.fill(`main form input[name="name"]`, "Hanbit Soft")
	p.fill(`main form textarea[name="domains"]`, "hanbit.test")
	p.click("main form button.primary")
	p.waitText("#company-head h1", "Hanbit Soft")

	p.open("/contacts/new")
	p.fill(`main form input[name="name"]`, "김민준")
	p.fill(`main form input[name="email"]`, "minjun.kim@hanbit.test")
	p.click("main form button.primary")
	p.waitText("#contact-head h1", "김민준")
	p.waitText("#contact-head", "Hanbit Soft")
	p.waitText("#companies .memberships li", "Hanbit Soft")
	p.waitText("#companies .memberships li .badge-primary", "Default")
	p.markWindow()

	p.typeKeys(`#companies input[name="name"]`, "dae")
	p.waitFor("the picker to offer Daeho Logistics", `() =>
		document.querySelector('#company-options option[value="Daeho Logistics"]') !== null`)
	p.fill(`#companies input[name="name"]`, "Daeho Logistics")
	p.clickXPath(`//section[@id="companies"]//form[contains(@class, "inline-add")]//button[normalize-space()="Add"]`)
	p.waitText("#companies .memberships", "Daeho Logistics")
	p.clickXPath(`//ul[@class="memberships"]/li[a[normalize-space()="Daeho Logistics"]]//button[normalize-space()="Make default"]`)
	p.waitFor("Daeho Logistics to be the default", `() => {
		const li = Array.from(document.querySelectorAll("#companies .memberships li")).find(li => li.innerText.includes("Daeho Logistics"));
		return li !== undefined && li.querySelector(".badge-primary") !== null;
	}`)
	p.waitText("#contact-head", "Daeho Logistics")
	p.waitText("#toasts", "Default company changed.")
	p.samePage("adding a company and making it the default")
	if head := p.texts("#contact-head p"); len(head) != 1 || strings.Contains(head[0], "Hanbit") {
		t.Errorf("the header reads %q; want only the new default company", head)
	}
}
