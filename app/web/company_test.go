package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
)

// coClient drives the web app as a signed-in admin through app.Test.
type coClient struct {
	t       *testing.T
	srv     *web.Server
	st      *store.Store
	session string
}

// coServer starts the web app on a fresh database with one signed-in
// admin. The session is opened directly: these tests are about companies,
// not sign-in.
func coServer(t *testing.T) *coClient {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := &config.Config{Addr: "localhost:8080", DBPath: "unused", LogLevel: "info", LogFormat: "text", SessionTTL: time.Hour, LoginPerMin: 100}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), st)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.CreateFirstAdmin(ctx, "Ann Admin", "ann@portico.test", "no-password")
	if err != nil {
		t.Fatal(err)
	}
	token, err := (&agent.Service{Store: st, SessionTTL: time.Hour}).StartSession(ctx, a, "", "")
	if err != nil {
		t.Fatal(err)
	}
	return &coClient{t: t, srv: srv, st: st, session: token}
}

// do sends a request with the session cookie; htmx marks it as an HTMX
// request that wants a fragment.
func (c *coClient) do(method, path string, form url.Values, htmx bool) (int, string, http.Header) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	req.AddCookie(&http.Cookie{Name: "portico_session", Value: c.session})
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if htmx {
		req.Header.Set("HX-Request", "true")
	}
	res, err := c.srv.App().Test(req, -1)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

var coCSRFField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf GETs a page and returns the token of its first form.
func (c *coClient) csrf(page string) string {
	c.t.Helper()
	status, body, _ := c.do("GET", page, nil, false)
	m := coCSRFField.FindStringSubmatch(body)
	if status != http.StatusOK || m == nil {
		c.t.Fatalf("GET %s: %d, no CSRF token", page, status)
	}
	return m[1]
}

// post submits a form the way the page at from would, token included.
func (c *coClient) post(from, path string, form url.Values, htmx bool) (int, string, http.Header) {
	c.t.Helper()
	form.Set("_csrf", c.csrf(from))
	return c.do("POST", path, form, htmx)
}

func TestCompanyCreateEscapesAndRefusesDuplicates(t *testing.T) {
	c := coServer(t)
	xss := `<script>alert("x")</script> & Co`
	status, _, h := c.post("/companies/new", "/companies", url.Values{"name": {xss}, "domains": {"Acme.com, @acme.org"}}, false)
	if status != http.StatusSeeOther || h.Get("Location") != "/companies/1" {
		t.Fatalf("create: %d to %q", status, h.Get("Location"))
	}
	_, body, _ := c.do("GET", "/companies/1", nil, false)
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co") {
		t.Fatal("the company name is not escaped on its page")
	}
	if !strings.Contains(body, "acme.com") || !strings.Contains(body, "acme.org") {
		t.Fatal("the normalised domains are not shown")
	}
	status, body, _ = c.post("/companies/new", "/companies", url.Values{"name": {strings.ToUpper(xss)}}, false)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "A company with this name already exists.") ||
		!strings.Contains(body, `href="/companies/1"`) {
		t.Fatalf("duplicate name: %d", status)
	}
	if page, _ := c.st.ListCompanies(context.Background(), model.CompanyQuery{}); page.Total != 1 {
		t.Fatalf("%d companies after a refused duplicate", page.Total)
	}
}

func TestCompanyFormValidation(t *testing.T) {
	c := coServer(t)
	status, body, _ := c.post("/companies/new", "/companies", url.Values{"name": {"Acme"}, "renewal_date": {"soon"}, "domains": {"not a domain"}}, false)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "YYYY-MM-DD") || !strings.Contains(body, "is not a domain") {
		t.Fatalf("invalid form: %d", status)
	}
	id, _ := c.st.CreateCompany(context.Background(), model.Actor{}, model.CompanyFields{Name: "Acme"})
	form := url.Values{"name": {"Acme"}, "health_score": {"ecstatic"}}
	status, body, _ = c.post("/companies/1", "/companies/1", form, true)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "Choose at risk") || strings.Contains(body, "<html") {
		t.Fatalf("invalid HTMX update of %d: %d", id, status)
	}
}

func TestCompanyUpdateInPlace(t *testing.T) {
	c := coServer(t)
	ctx := context.Background()
	contact, _ := c.st.CreateContact(ctx, model.Actor{}, store.NewContact{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@acme.com"}})
	c.st.CreateCompany(ctx, model.Actor{}, model.CompanyFields{Name: "Acme"})
	status, body, _ := c.do("GET", "/companies/1/edit", nil, true)
	if status != http.StatusOK || !strings.Contains(body, `id="details"`) || strings.Contains(body, "<html") {
		t.Fatalf("edit fragment: %d", status)
	}
	form := url.Values{"name": {"Acme Corp"}, "domains": {"acme.com"}, "account_tier": {"premium"}}
	status, body, _ = c.post("/companies/1", "/companies/1", form, true)
	if status != http.StatusOK || !strings.Contains(body, "Premium") || !strings.Contains(body, `hx-swap-oob="outerHTML:#company-contacts"`) {
		t.Fatalf("HTMX update: %d", status)
	}
	if !strings.Contains(body, `href="/contacts/1"`) {
		t.Fatal("the contact linked by the new domain is not listed")
	}
	ct, _ := c.st.Contact(ctx, contact)
	if ct.CompanyName != "Acme Corp" {
		t.Fatalf("contact's default company: %q", ct.CompanyName)
	}
	status, _, h := c.post("/companies/1", "/companies/1", url.Values{"name": {"Acme"}}, false)
	if status != http.StatusSeeOther || h.Get("Location") != "/companies/1" {
		t.Fatalf("plain update: %d to %q", status, h.Get("Location"))
	}
}

func TestCompanyListSearchAsYouType(t *testing.T) {
	c := coServer(t)
	_, body, _ := c.do("GET", "/companies", nil, false)
	if !strings.Contains(body, "No companies yet") {
		t.Fatal("no empty state")
	}
	for _, n := range []string{"Acme", "Globex", "Initech"} {
		c.st.CreateCompany(context.Background(), model.Actor{}, model.CompanyFields{Name: n, Domains: []string{strings.ToLower(n) + ".com"}})
	}
	status, body, _ := c.do("GET", "/companies?q=GLOB", nil, true)
	if status != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, "Globex") || strings.Contains(body, "Acme") {
		t.Fatalf("search fragment: %d\n%s", status, body)
	}
	_, body, _ = c.do("GET", "/companies?q=nothing", nil, false)
	if !strings.Contains(body, "<html") || !strings.Contains(body, "No companies match") {
		t.Fatal("a plain search does not answer a full page with the empty state")
	}
	_, body, _ = c.do("GET", "/companies/options?name=ini", nil, true)
	if strings.TrimSpace(body) != `<option value="Initech">initech.com</option>` {
		t.Fatalf("options: %q", body)
	}
}

func TestCompanyDeleteKeepsContacts(t *testing.T) {
	c := coServer(t)
	ctx := context.Background()
	c.st.CreateCompany(ctx, model.Actor{}, model.CompanyFields{Name: "Acme", Domains: []string{"acme.com"}})
	id, _ := c.st.CreateContact(ctx, model.Actor{}, store.NewContact{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@acme.com"}})
	_, body, _ := c.do("GET", "/companies/1/delete", nil, false)
	if !strings.Contains(body, "No contact is deleted") {
		t.Fatal("the confirmation does not say the contacts stay")
	}
	status, _, _ := c.do("POST", "/companies/1/delete", url.Values{"confirm": {"yes"}}, false)
	if status != http.StatusForbidden {
		t.Fatalf("delete without a CSRF token: %d", status)
	}
	status, _, h := c.post("/companies/1/delete", "/companies/1/delete", url.Values{"confirm": {"yes"}}, false)
	if status != http.StatusSeeOther || h.Get("Location") != "/companies" {
		t.Fatalf("delete: %d to %q", status, h.Get("Location"))
	}
	if ct, err := c.st.Contact(ctx, id); err != nil || ct.CompanyID != 0 {
		t.Fatalf("contact after its company's deletion: %+v, %v", ct, err)
	}
}

func TestCompanyRefusals(t *testing.T) {
	c := coServer(t)
	ctx := context.Background()
	c.st.CreateCompany(ctx, model.Actor{}, model.CompanyFields{Name: "Acme"})
	c.st.CreateContact(ctx, model.Actor{}, store.NewContact{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@example.com"}})
	for _, path := range []string{"/companies/99", "/companies/99/edit", "/companies/99/delete", "/companies/abc"} {
		if status, _, _ := c.do("GET", path, nil, false); status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, status)
		}
	}
	posts := []struct {
		path string
		form url.Values
	}{
		{"/companies/99", url.Values{"name": {"X"}}},
		{"/companies/99/delete", url.Values{"confirm": {"yes"}}},
		{"/contacts/1/companies/99/default", url.Values{}},
		{"/contacts/1/companies/1/remove", url.Values{}},
		{"/contacts/99/companies", url.Values{"name": {"Acme"}}},
	}
	for _, p := range posts {
		if status, _, _ := c.post("/companies/1", p.path, p.form, false); status != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", p.path, status)
		}
	}
	if status, _, _ := c.do("POST", "/companies", url.Values{"name": {"Sneaky"}}, false); status != http.StatusForbidden {
		t.Errorf("create without a CSRF token: %d, want 403", status)
	}
	if _, err := c.st.CompanyByName(ctx, "Sneaky"); err == nil {
		t.Error("a company was created without a CSRF token")
	}
}
