package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestCompanyCreateEscapesAndRefusesDuplicates(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	xss := `<script>alert("x")</script> & Co`
	c.get("/companies/new")
	resp, _ := c.post("/companies", url.Values{"name": {xss}, "domains": {"Acme.com, @acme.org"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/companies/1" {
		t.Fatalf("create: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body := c.get("/companies/1")
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co") {
		t.Fatal("the company name is not escaped on its page")
	}
	wantContains(t, body, "acme.com", "acme.org")
	c.get("/companies/new")
	resp, body = c.post("/companies", url.Values{"name": {strings.ToUpper(xss)}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "A company with this name already exists.", `href="/companies/1"`)
	if page, _ := ts.store.ListCompanies(context.Background(), model.CompanyQuery{}); page.Total != 1 {
		t.Fatalf("%d companies after a refused duplicate", page.Total)
	}
}

func TestCompanyFormValidation(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/companies/new")
	resp, body := c.post("/companies", url.Values{"name": {"Acme"}, "renewal_date": {"soon"}, "domains": {"not a domain"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "YYYY-MM-DD", "is not a domain")
	id := itoa(ts.createCompany("Acme"))
	c.get("/companies/" + id)
	resp, body = c.post("/companies/"+id, url.Values{"name": {"Acme"}, "health_score": {"ecstatic"}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choose at risk")
	if strings.Contains(body, "<html") {
		t.Fatal("an invalid HTMX update answered a whole page")
	}
}

func TestCompanyUpdateInPlace(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	contact := ts.createContact("Kim", "kim@acme.com")
	id := itoa(ts.createCompany("Acme"))
	resp, body := c.get("/companies/"+id+"/edit", htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `id="details"`)
	if strings.Contains(body, "<html") {
		t.Fatal("the edit fragment is a whole page")
	}
	form := url.Values{"name": {"Acme Corp"}, "domains": {"acme.com"}, "account_tier": {"premium"}}
	resp, body = c.post("/companies/"+id, form, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Premium", `hx-swap-oob="outerHTML:#company-contacts"`)
	if !strings.Contains(body, `href="/contacts/`+itoa(contact)+`"`) {
		t.Fatal("the contact linked by the new domain is not listed")
	}
	if ct, _ := ts.store.Contact(context.Background(), contact); ct.CompanyName != "Acme Corp" {
		t.Fatalf("contact's default company: %q", ct.CompanyName)
	}
	resp, _ = c.post("/companies/"+id, url.Values{"name": {"Acme"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/companies/"+id {
		t.Fatalf("plain update: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestCompanyListSearchAsYouType(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	_, body := c.get("/companies")
	wantContains(t, body, "No companies yet")
	for _, n := range []string{"Acme", "Globex", "Initech"} {
		ts.createCompany(n, strings.ToLower(n)+".com")
	}
	resp, body := c.get("/companies?q=GLOB", htmx...)
	if resp.StatusCode != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, "Globex") || strings.Contains(body, "Acme") {
		t.Fatalf("search fragment: %d\n%s", resp.StatusCode, body)
	}
	_, body = c.get("/companies?q=nothing")
	wantContains(t, body, "<html", "No companies match")
	_, body = c.get("/companies/options?name=ini", htmx...)
	if strings.TrimSpace(body) != `<option value="Initech">initech.com</option>` {
		t.Fatalf("options: %q", body)
	}
}

func TestCompanyDeleteKeepsContacts(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	co := itoa(ts.createCompany("Acme", "acme.com"))
	id := ts.createContact("Kim", "kim@acme.com")
	_, body := c.get("/companies/" + co + "/delete")
	wantContains(t, body, "No contact is deleted")
	resp, body := c.postRaw("/companies/"+co+"/delete", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	resp, _ = c.post("/companies/"+co+"/delete", url.Values{"confirm": {"yes"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/companies" {
		t.Fatalf("delete: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if ct, err := ts.store.Contact(context.Background(), id); err != nil || ct.CompanyID != 0 {
		t.Fatalf("contact after its company's deletion: %+v, %v", ct, err)
	}
}

func TestCompanyRefusals(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	co := itoa(ts.createCompany("Acme"))
	contact := itoa(ts.createContact("Kim", "kim@example.com"))
	for _, path := range []string{"/companies/99", "/companies/99/edit", "/companies/99/delete", "/companies/abc"} {
		if resp, _ := c.get(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, resp.StatusCode)
		}
	}
	posts := []struct {
		path string
		form url.Values
	}{
		{"/companies/99", url.Values{"name": {"X"}}},
		{"/companies/99/delete", url.Values{"confirm": {"yes"}}},
		{"/contacts/" + contact + "/companies/99/default", url.Values{}},
		{"/contacts/" + contact + "/companies/" + co + "/remove", url.Values{}},
		{"/contacts/99/companies", url.Values{"name": {"Acme"}}},
	}
	for _, p := range posts {
		c.get("/companies/" + co)
		if resp, _ := c.post(p.path, p.form); resp.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", p.path, resp.StatusCode)
		}
	}
	if resp, _ := c.postRaw("/companies", url.Values{"name": {"Sneaky"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("create without a CSRF token: %d, want 403", resp.StatusCode)
	}
	if _, err := ts.store.CompanyByName(context.Background(), "Sneaky"); err == nil {
		t.Error("a company was created without a CSRF token")
	}
}
