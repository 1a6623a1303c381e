package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestMembershipsOnTheContactPage(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ctx := context.Background()
	id := ts.createContact("Kim", "kim@example.com")
	acme, globex := itoa(ts.createCompany("Acme")), itoa(ts.createCompany("<b>Globex</b>"))
	page := "/contacts/" + itoa(id)
	steps := []struct {
		path, name string
		form       url.Values
		want       string
	}{
		{page + "/companies", "add by name", url.Values{"name": {" acme "}}, `<span class="badge badge-primary">Default</span>`},
		{page + "/companies", "add a second", url.Values{"name": {"<b>Globex</b>"}}, "&lt;b&gt;Globex&lt;/b&gt;"},
		{page + "/companies/" + globex + "/default", "make default", url.Values{}, `action="` + page + `/companies/` + acme + `/default"`},
		{page + "/companies/" + acme + "/tickets", "view all tickets", url.Values{"view_all": {"on"}}, "checked"},
		{page + "/companies/" + globex + "/remove", "remove the default", url.Values{}, `hx-swap-oob="outerHTML:#contact-head"`},
	}
	c.get(page)
	for _, s := range steps {
		resp, body := c.post(s.path, s.form, htmx...)
		if resp.StatusCode != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, s.want) {
			t.Fatalf("%s: %d\n%s", s.name, resp.StatusCode, body)
		}
	}
	ct, _ := ts.store.Contact(ctx, id)
	if itoa(ct.CompanyID) != acme || len(ct.Companies) != 1 || !ct.Companies[0].ViewAllTickets {
		t.Fatalf("memberships after the steps: default %d, %+v", ct.CompanyID, ct.Companies)
	}
	resp, body := c.post(page+"/companies", url.Values{"name": {"Nobody Inc"}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "No company is named", `value="Nobody Inc"`)
	resp, _ = c.post(page+"/companies/"+acme+"/tickets", url.Values{})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != page {
		t.Fatalf("plain post: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if ct, _ = ts.store.Contact(ctx, id); ct.Companies[0].ViewAllTickets {
		t.Fatal("an unchecked box did not turn ticket access off")
	}
	_, body = c.get(page)
	wantContains(t, body, `id="companies"`, "company removed")
}
