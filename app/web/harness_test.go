package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
)

// testServer is a real Portico server over a fresh SQLite file, driven
// through app.Test with a cookie jar, like a browser without JavaScript.
type testServer struct {
	t     *testing.T
	srv   *web.Server
	store *store.Store
	cfg   *config.Config
	// jobs runs every kind of background job, as in production.
	jobs *jobs.Runner
	// jobsOn is set once the background jobs run (runJobs).
	jobsOn bool
	// cover, when set, notes the templates of every answer (cover).
	cover *templateCover
}

// newTestServer starts a server; opts adjust its configuration first.
func newTestServer(t *testing.T, opts ...func(*config.Config)) *testServer {
	t.Helper()
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel, cfg.LoginPerMin = "127.0.0.1:0", filepath.Join(t.TempDir(), "p.db"), "error", 5
	for _, o := range opts {
		o(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	p, err := app.Wire(context.Background(), cfg, log, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{t: t, srv: p.Web, jobs: p.Jobs, store: st, cfg: cfg}
}

// client is one browser: its own cookies and the last CSRF token seen.
type client struct {
	ts   *testServer
	jar  *cookiejar.Jar
	csrf string
	// userAgent is the browser a passkey test's JSON requests claim.
	userAgent string
}

func (ts *testServer) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{ts: ts, jar: jar}
}

var base, _ = url.Parse("http://portico.test")

// do sends a request and returns the response with its body read.
func (c *client) do(req *http.Request) (*http.Response, string) {
	c.ts.t.Helper()
	if c.ts.cfg.SecureCookie { // a server on https: the browser sends its Secure cookies
		req.URL.Scheme = "https"
	}
	for _, ck := range c.jar.Cookies(req.URL) { // as a browser: the cookies for this path
		req.AddCookie(ck)
	}
	resp, err := c.ts.srv.App().Test(originForm(req), -1)
	if err != nil {
		c.ts.t.Fatal(err)
	}
	origin := *base
	origin.Scheme = req.URL.Scheme
	c.jar.SetCookies(&origin, resp.Cookies())
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if m := csrfPattern.FindStringSubmatch(string(body)); m != nil {
		c.csrf = m[1]
	}
	if c.ts.cover != nil {
		c.ts.cover.record(string(body))
	}
	return resp, string(body)
}

// originForm makes req go on the wire as a browser sends it, its path in
// the request line and its host in a Host header, which HTTP/1.1 requires
// and the server insists on; a test request's target is a whole URL.
func originForm(req *http.Request) *http.Request {
	req.RequestURI = ""
	return req
}

var csrfPattern = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// get fetches a page, remembering its CSRF token. A fragment stays in
// the browser, as it would.
func (c *client) get(path string, headers ...string) (*http.Response, string) {
	path, _, _ = strings.Cut(path, "#")
	req := httptest.NewRequest(http.MethodGet, base.String()+path, nil)
	setHeaders(req, headers)
	return c.do(req)
}

// post submits a form with the last CSRF token seen, as a page would.
func (c *client) post(path string, form url.Values, headers ...string) (*http.Response, string) {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["_csrf"]; !ok { // a test that wants no token sets "_csrf" to ""
		form.Set("_csrf", c.csrf)
	}
	return c.postRaw(path, form, headers...)
}

// postRaw submits a form exactly as given, with no token added.
func (c *client) postRaw(path string, form url.Values, headers ...string) (*http.Response, string) {
	req := httptest.NewRequest(http.MethodPost, base.String()+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	setHeaders(req, headers)
	return c.do(req)
}

func setHeaders(req *http.Request, kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		req.Header.Set(kv[i], kv[i+1])
	}
}

// htmx are the headers HTMX sends for a swap.
var htmx = []string{"HX-Request", "true"}

// admin creates the first admin through the setup page and returns a
// signed-in client.
func (ts *testServer) admin() *client {
	c := ts.client()
	c.get("/setup")
	resp, body := c.post("/setup", url.Values{"name": {"Ann Admin"}, "email": {"ann@example.com"}, "password": {"correct horse battery"}})
	if resp.StatusCode != http.StatusSeeOther {
		ts.t.Fatalf("setup: %d %s", resp.StatusCode, body)
	}
	c.get("/contacts")
	return c
}

// agentClient creates an agent with the agent role and signs them in.
func (ts *testServer) agentClient(name, email string) *client {
	ts.t.Helper()
	hash, _ := agent.HashPassword("agent password 1")
	if _, err := ts.store.CreateAgent(context.Background(), name, email, model.RoleAgent, hash, "", nil); err != nil {
		ts.t.Fatal(err)
	}
	c := ts.client()
	c.get("/login")
	resp, _ := c.post("/login", url.Values{"email": {email}, "password": {"agent password 1"}})
	if resp.StatusCode != http.StatusSeeOther {
		ts.t.Fatalf("sign in %s: %d", email, resp.StatusCode)
	}
	c.get("/contacts")
	return c
}

var testActor = model.Actor{Name: "Seeder"}

// createContact makes a contact through the store and returns its id.
func (ts *testServer) createContact(name string, emails ...string) int64 {
	ts.t.Helper()
	return ts.contactWith(name, model.ContactFields{}, emails...)
}

// contactWith makes a contact with the given fields.
func (ts *testServer) contactWith(name string, f model.ContactFields, emails ...string) int64 {
	ts.t.Helper()
	f.Name = name
	id, err := ts.store.CreateContact(context.Background(), testActor, store.NewContact{Fields: f, Emails: emails})
	if err != nil {
		ts.t.Fatalf("create %s: %v", name, err)
	}
	return id
}

// createCompany makes a company through the store and returns its id.
func (ts *testServer) createCompany(name string, domains ...string) int64 {
	ts.t.Helper()
	id, err := ts.store.CreateCompany(context.Background(), testActor, model.CompanyFields{Name: name, Domains: domains})
	if err != nil {
		ts.t.Fatalf("create company %s: %v", name, err)
	}
	return id
}

// cookie returns the value of a cookie the client holds.
func (c *client) cookie(name string) string {
	for _, ck := range c.jar.Cookies(base) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

func wantStatus(t *testing.T, resp *http.Response, body string, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("status %d, want %d; body:\n%s", resp.StatusCode, want, mainOf(body))
	}
}

func wantContains(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Fatalf("body lacks %q:\n%.1500s", p, body)
		}
	}
}
