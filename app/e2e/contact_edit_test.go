package e2e

import (
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestClickToEdit: Edit turns the profile section into a form in place;
// saving turns it back with the new value, and the header and timeline
// follow, all without a page load and without touching other sections.
func TestClickToEdit(t *testing.T) {
	app := startPortico(t)
	id := app.createContact(t, store.NewContact{
		Fields: model.ContactFields{Name: "Lee Seo-yeon", JobTitle: "Support lead"},
		Emails: []string{"seoyeon@hanbit.kr"},
	})
	p := adminPage(t, app)
	p.open(fmt.Sprintf("/contacts/%d", id))
	p.waitText("#contact-head", "Support lead")
	p.markWindow()
	p.markElement("#emails")

	p.click("#profile .panel-head a")
	p.waitText("#profile h2", "Edit profile")
	p.fill(`#profile input[name="job_title"]`, "Head of Support")
	p.click("#profile button.primary")
	p.waitText("#profile dl", "Head of Support")
	p.waitText("#contact-head", "Head of Support")
	p.waitText("#timeline", "Support lead → Head of Support")
	p.samePage("saving the profile")
	p.sameElement("#emails", "saving the profile")
	if path := p.location().Path; path != fmt.Sprintf("/contacts/%d", id) {
		t.Errorf("the address bar moved to %s", path)
	}
}

// TestClickToEditShowsErrorsInline: an invalid profile comes back as the
// form with the message next to the field and the other values kept.
func TestClickToEditShowsErrorsInline(t *testing.T) {
	app := startPortico(t)
	id := app.createContact(t, contact("Park Ji-hoon", "jihoon@daeho.co.kr"))
	p := adminPage(t, app)
	p.open(fmt.Sprintf("/contacts/%d", id))
	p.markWindow()
	p.expectConsole("status of 422") // the refused edit answers 422

	p.click("#profile .panel-head a")
	p.waitText("#profile h2", "Edit profile")
	p.fill(`#profile input[name="name"]`, "   ")
	p.fill(`#profile input[name="job_title"]`, "CTO")
	p.click("#profile button.primary")
	p.waitText("#profile small.error", "Enter the contact's name.")
	var state struct {
		Invalid  string `json:"invalid"`
		JobTitle string `json:"jobTitle"`
	}
	p.eval(`({invalid: document.querySelector('#profile input[name="name"]').getAttribute("aria-invalid"),
		jobTitle: document.querySelector('#profile input[name="job_title"]').value})`, &state)
	if state.Invalid != "true" || state.JobTitle != "CTO" {
		t.Errorf("the form came back with %+v; want the name marked invalid and the job title kept", state)
	}
	p.samePage("an invalid save")
	p.waitText("#contact-head h1", "Park Ji-hoon")
}

// markElement tags a DOM element; sameElement then tells whether it was
// left alone or replaced by a swap.
func (p *page) markElement(sel string) {
	p.t.Helper()
	p.eval(fmt.Sprintf(`(() => { document.querySelector(%q).__e2eMark = true; return true; })()`, sel), new(bool))
}

// sameElement fails the test when the element sel was replaced since
// markElement.
func (p *page) sameElement(sel, what string) {
	p.t.Helper()
	var same bool
	p.eval(fmt.Sprintf(`document.querySelector(%q)?.__e2eMark === true`, sel), &same)
	if !same {
		p.t.Errorf("%s replaced %s; want only the edited section swapped", what, sel)
	}
}
