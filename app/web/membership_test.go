package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestMembershipsOnTheContactPage(t *testing.T) {
	c := coServer(t)
	ctx := context.Background()
	id, _ := c.st.CreateContact(ctx, model.Actor{}, store.NewContact{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@example.com"}})
	for _, n := range []string{"Acme", "<b>Globex</b>"} {
		if _, err := c.st.CreateCompany(ctx, model.Actor{}, model.CompanyFields{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	page := "/contacts/1"
	steps := []struct {
		path, name string
		form       url.Values
		want       string
	}{
		{"/contacts/1/companies", "add by name", url.Values{"name": {" acme "}}, `<span class="badge badge-primary">Default</span>`},
		{"/contacts/1/companies", "add a second", url.Values{"name": {"<b>Globex</b>"}}, "&lt;b&gt;Globex&lt;/b&gt;"},
		{"/contacts/1/companies/2/default", "make default", url.Values{}, `action="/contacts/1/companies/1/default"`},
		{"/contacts/1/companies/1/tickets", "view all tickets", url.Values{"view_all": {"on"}}, "checked"},
		{"/contacts/1/companies/2/remove", "remove the default", url.Values{}, `hx-swap-oob="outerHTML:#contact-head"`},
	}
	for _, s := range steps {
		status, body, _ := c.post(page, s.path, s.form, true)
		if status != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, s.want) {
			t.Fatalf("%s: %d\n%s", s.name, status, body)
		}
	}
	ct, _ := c.st.Contact(ctx, id)
	if ct.CompanyID != 1 || len(ct.Companies) != 1 || !ct.Companies[0].ViewAllTickets {
		t.Fatalf("memberships after the steps: default %d, %+v", ct.CompanyID, ct.Companies)
	}
	status, body, _ := c.post(page, "/contacts/1/companies", url.Values{"name": {"Nobody Inc"}}, true)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "No company is named") || !strings.Contains(body, `value="Nobody Inc"`) {
		t.Fatalf("unknown company: %d", status)
	}
	status, _, h := c.post(page, "/contacts/1/companies/1/tickets", url.Values{}, false)
	if status != http.StatusSeeOther || h.Get("Location") != "/contacts/1" {
		t.Fatalf("plain post: %d to %q", status, h.Get("Location"))
	}
	if ct, _ = c.st.Contact(ctx, id); ct.Companies[0].ViewAllTickets {
		t.Fatal("an unchecked box did not turn ticket access off")
	}
	_, body, _ = c.do("GET", page, nil, false)
	if !strings.Contains(body, `id="companies"`) || !strings.Contains(body, "company removed") {
		t.Fatal("the contact page lacks the companies section or the timeline entry")
	}
}
