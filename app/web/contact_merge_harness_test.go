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

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
)

// mgClient drives the app through app.Test like a browser: it keeps
// cookies and reads the CSRF token from the last page it got.
type mgClient struct {
	t       *testing.T
	app     *fiber.App
	st      *store.Store
	cookies map[string]string
	csrf    string
}

var mgCSRF = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// mgStart opens a fresh database and signs in as its first admin, through
// the setup form.
func mgStart(t *testing.T) *mgClient {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := &config.Config{Addr: "localhost:8080", BaseURL: "http://localhost:8080", SessionTTL: time.Hour, LoginPerMin: 100}
	srv, err := web.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), st)
	if err != nil {
		t.Fatal(err)
	}
	c := &mgClient{t: t, app: srv.App(), st: st, cookies: map[string]string{}}
	c.get("/setup", nil)
	res, _ := c.post("/setup", url.Values{"name": {"Ann Agent"}, "email": {"ann@example.com"}, "password": {"a long pass phrase"}}, nil)
	if res.StatusCode != http.StatusSeeOther || c.cookies["portico_session"] == "" {
		t.Fatalf("setup: status %d, cookies %v", res.StatusCode, c.cookies)
	}
	return c
}

// do sends one request with the client's cookies and returns the response
// and its body.
func (c *mgClient) do(method, path string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	c.t.Helper()
	req := httptest.NewRequest(method, path, body)
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	res, err := c.app.Test(req, -1)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	if m := mgCSRF.FindStringSubmatch(string(b)); m != nil {
		c.csrf = m[1]
	}
	return res, string(b)
}

func (c *mgClient) get(path string, hdr map[string]string) (*http.Response, string) {
	c.t.Helper()
	return c.do(http.MethodGet, path, nil, hdr)
}

// post sends a form with the CSRF token of the last page, as a browser
// would; a test that wants no token sets "_csrf" to "".
func (c *mgClient) post(path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	c.t.Helper()
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", c.csrf)
	}
	return c.do(http.MethodPost, path, strings.NewReader(form.Encode()), hdr)
}

var mgActor = model.Actor{Name: "Seeder"}

func (c *mgClient) contact(name string, f model.ContactFields, emails ...string) int64 {
	c.t.Helper()
	f.Name = name
	id, err := c.st.CreateContact(context.Background(), mgActor, store.NewContact{Fields: f, Emails: emails})
	if err != nil {
		c.t.Fatalf("create %s: %v", name, err)
	}
	return id
}
