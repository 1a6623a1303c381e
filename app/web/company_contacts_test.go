package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestCompanyAddsAnExistingContact finds contacts from the company's
// page, as the search box does with and without HTMX, marks those
// already there, adds one through the real CSRF flow, and refuses a
// second add with the reason.
func TestCompanyAddsAnExistingContact(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	acme := itoa(ts.createCompany("Acme", "acme.example"))
	ts.createContact("Kim Min-jun", "minjun@acme.example")
	lee := itoa(ts.createContact("Lee Seo-yeon", "seoyeon@home.example"))

	_, body := c.get("/companies/" + acme)
	wantContains(t, body, `id="find-contact"`, `href="/contacts/new?company=`+acme+`"`, "Recent activity of its contacts", "Kim Min-jun")
	resp, body := c.get("/companies/"+acme+"?section=picker&find=Lee", htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `<a href="/contacts/`+lee+`">Lee Seo-yeon</a>`, `name="contact" value="`+lee+`"`)
	wantNotContains(t, body, "<html")
	_, body = c.get("/companies/" + acme + "?find=Kim")
	wantContains(t, body, "<html", "Already here")
	_, body = c.get("/companies/" + acme + "?find=nobody")
	wantContains(t, body, "No contact matches “nobody”.")

	resp, body = c.post("/companies/"+acme+"/contacts", url.Values{"contact": {lee}, "_csrf": {""}})
	wantStatus(t, resp, body, http.StatusForbidden)
	c.get("/companies/" + acme + "?find=Lee")
	resp, body = c.post("/companies/"+acme+"/contacts", url.Values{"contact": {lee}, "find": {"Lee"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get(resp.Header.Get("Location"))
	wantContains(t, body, "Lee Seo-yeon added to the company.", `<a href="/contacts/`+lee+`">Lee Seo-yeon</a> · <strong>Ann Admin</strong>`)
	resp, body = c.post("/companies/"+acme+"/contacts", url.Values{"contact": {lee}, "find": {"Lee"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "This contact already belongs to Acme.", `value="Lee"`)
	resp, body = c.post("/companies/"+acme+"/contacts", url.Values{"contact": {""}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Pick a contact to add.")
}

// TestCompanyCreatesANewContact creates a contact from the company's
// page: the form names the company, the contact joins it as its default
// company, and the agent is back on the company with the contact listed.
func TestCompanyCreatesANewContact(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	acme := itoa(ts.createCompany("Acme", "acme.example"))
	_, body := c.get("/contacts/new?company=" + acme)
	wantContains(t, body, "New contact at Acme", `name="company" value="`+acme+`"`, `href="/companies/`+acme+`">Cancel`)

	resp, body := c.post("/contacts", url.Values{"name": {""}, "email": {"park@home.example"}, "company": {acme}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "New contact at Acme", `name="company" value="`+acme+`"`)
	resp, body = c.post("/contacts", url.Values{"name": {"Park Ji-ho"}, "email": {"park@home.example"}, "company": {acme}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/companies/"+acme+"#company-contacts" {
		t.Fatalf("created at a company, went to %q", loc)
	}
	_, body = c.get("/companies/" + acme)
	wantContains(t, body, "Contact created.", "Park Ji-ho</a> <span class=\"badge badge-primary\">Default</span>")

	resp, body = c.post("/contacts", url.Values{"name": {"Gone Co"}, "email": {"g@home.example"}, "company": {"9999"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "This company no longer exists.")
}
