package e2e

import (
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestMergeWizard: from a contact, search for a duplicate and tick it,
// review the two side by side, keep the other's job title, and confirm.
// The kept contact has both addresses and the chosen title, a toast says
// what happened, and the old address of the merged contact leads to it.
func TestMergeWizard(t *testing.T) {
	app := startPortico(t)
	keep := app.createContact(t, store.NewContact{
		Fields: model.ContactFields{Name: "Jane Doe", JobTitle: "CTO"}, Emails: []string{"jane@northwind.test"}})
	dup := app.createContact(t, store.NewContact{
		Fields: model.ContactFields{Name: "J. Doe", JobTitle: "Chief Technology Officer"}, Emails: []string{"jd@mail.test"}})
	app.createContact(t, contact("John Smith", "john@northwind.test"))
	p := adminPage(t, app)
	p.open(fmt.Sprintf("/contacts/%d", keep))
	p.clickXPath(`//div[@id="contact-head"]//a[normalize-space()="Merge…"]`)
	p.waitPath(fmt.Sprintf("/contacts/%d/merge", keep))

	p.typeKeys("#q", "jd@mail")
	p.waitText("#merge-candidates h2", "Contacts matching “jd@mail”")
	p.waitText("#merge-candidates .candidates", "J. Doe")
	p.click(fmt.Sprintf(`#merge-candidates input[name="with"][value="%d"]`, dup))
	p.click("#merge-pick .form-actions button.primary")
	p.waitPath(fmt.Sprintf("/contacts/%d/merge/review", keep))
	p.waitText("#merge-form table.merge", "Chief Technology Officer")

	p.click(fmt.Sprintf(`#merge-form input[name="keep_job_title"][value="%d"]`, dup))
	p.clickXPath(`//form[@id="merge-form"]//button[normalize-space()="Merge 2 contacts"]`)
	p.waitPath(fmt.Sprintf("/contacts/%d", keep))
	p.waitText("#toasts", "Merged 1 contact into Jane Doe.")
	p.waitText("#contact-head", "Chief Technology Officer")
	p.waitText("#emails", "jane@northwind.test")
	p.waitText("#emails", "jd@mail.test")
	p.waitText("#timeline", "merged contacts")

	p.open(fmt.Sprintf("/contacts/%d", dup))
	p.waitPath(fmt.Sprintf("/contacts/%d", keep))
	p.waitText("#contact-head h1", "Jane Doe")
}
