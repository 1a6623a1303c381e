package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestContactListCompanyFilter: the list offers its companies in a select,
// which sends the company's id; without JavaScript it is a plain GET form,
// and with HTMX the answer is the results fragment.
func TestContactListCompanyFilter(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	acme, globex := itoa(ts.createCompany("Acme", "acme.test")), itoa(ts.createCompany("Globex", "globex.test"))
	ts.createContact("Kim Acme", "kim@acme.test")
	ts.createContact("Lee Globex", "lee@globex.test")
	ts.createContact("Park Nobody", "park@mail.test")

	_, body := c.get("/contacts")
	wantContains(t, body, `<select class="filter-select" name="company" aria-label="Filter by company">`, `<option value="">All companies</option>`,
		`<option value="`+globex+`" >Globex</option>`)
	resp, body := c.get("/contacts?company=" + acme)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `<option value="`+acme+`" selected>Acme</option>`, "Kim Acme")
	if strings.Contains(body, "Lee Globex") || strings.Contains(body, "Park Nobody") || strings.Contains(body, `name="company_name"`) {
		t.Fatalf("filtered by Acme, the list shows others or a text field:\n%s", mainOf(body))
	}
	resp, body = c.get("/contacts?company="+globex+"&q=", htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Lee Globex")
	if strings.Contains(body, "<html") || strings.Contains(body, "Kim Acme") || strings.Contains(body, `name="company" aria-label`) {
		t.Fatalf("the HTMX answer is not just the filtered results:\n%.1500s", body)
	}
	if resp, _ := c.get("/contacts?company=999"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown company id: %d, want 404", resp.StatusCode)
	}
}

// TestContactListCompanyFilterByName: with more companies than a select
// should hold, the filter is a text field with suggestions that sends the
// company's name; a name no company has says so.
func TestContactListCompanyFilterByName(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	acme := itoa(ts.createCompany("Acme", "acme.test"))
	for i := range 50 {
		ts.createCompany(fmt.Sprintf("Company %02d", i))
	}
	ts.createContact("Kim Acme", "kim@acme.test")
	ts.createContact("Park Nobody", "park@mail.test")

	_, body := c.get("/contacts?company=" + acme)
	wantContains(t, body, `name="company_name" value="Acme"`, `list="company-filter-options"`, "Kim Acme")
	if strings.Contains(body, `name="company" aria-label`) || strings.Contains(body, "Park Nobody") {
		t.Fatalf("51 companies should get a text field and the filter kept:\n%s", mainOf(body))
	}
	_, body = c.get("/contacts?company_name=" + url.QueryEscape(" ACME "))
	wantContains(t, body, "Kim Acme")
	if strings.Contains(body, "Park Nobody") {
		t.Fatal("the name typed in the filter did not filter")
	}
	resp, body := c.get("/contacts?company_name="+url.QueryEscape("<b>Nobody</b>"), htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "No company is named “&lt;b&gt;Nobody&lt;/b&gt;”", `href="/contacts"`)
	if strings.Contains(body, "Kim Acme") || strings.Contains(body, "<b>Nobody") {
		t.Fatalf("an unknown company lists contacts or renders markup:\n%.1500s", body)
	}
	_, body = c.get("/companies/options?company_name=acm", htmx...)
	if strings.TrimSpace(body) != `<option value="Acme">acme.test</option>` {
		t.Fatalf("the filter's suggestions: %q", body)
	}
}

// Dates sort newest first on the first click; a second click reverses.
func TestDateColumnsSortNewestFirst(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.createContact("Ada Lovelace", "ada@example.com")
	_, body := c.get("/contacts")
	wantContains(t, body, `href="/contacts?dir=desc&amp;sort=created"`, `href="/contacts?dir=desc&amp;sort=updated"`, `href="/contacts?dir=desc&amp;sort=name"`)
	_, body = c.get("/contacts?sort=created&dir=desc")
	wantContains(t, body, `href="/contacts?sort=created"`, `aria-sort="descending"`)
}
