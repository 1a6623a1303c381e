package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
)

// TestHTTPSServerSendsHSTSAndOnlySecureCookies walks through set-up,
// a flash message, the portal's sign-in and signing out on a server
// whose base URL is https: every answer carries Strict-Transport-Security
// and every cookie set, the flash and the anonymous visitor's included,
// is Secure.
func TestHTTPSServerSendsHSTSAndOnlySecureCookies(t *testing.T) {
	ts := newTestServer(t, func(cfg *config.Config) {
		cfg.BaseURL, cfg.HSTSMaxAge = "https://portico.test", 180*24*time.Hour
	})
	admin := ts.client()
	var answers []*http.Response
	record := func(resp *http.Response, _ string) { answers = append(answers, resp) }
	record(admin.get("/setup"))
	record(admin.post("/setup", url.Values{"name": {"Ann Admin"}, "email": {"ann@example.com"}, "password": {"correct horse battery"}}))
	record(admin.get("/agents"))
	record(admin.post("/agents", url.Values{"name": {"Bob"}, "email": {"bob@example.com"}, "role": {"agent"}}))
	record(admin.post("/agents/1/role", url.Values{"role": {"admin"}})) // sets the flash
	record(admin.get("/agents"))                                        // clears it
	record(admin.get("/no-such-page"))
	visitor := ts.client()
	record(visitor.portalSignIn("nobody@example.com", "a guess"))
	record(admin.post("/logout", nil))
	var names []string
	for _, resp := range answers {
		if got := resp.Header.Get("Strict-Transport-Security"); got != "max-age=15552000" {
			t.Errorf("%s: Strict-Transport-Security %q", resp.Request.URL.Path, got)
		}
		for _, ck := range resp.Cookies() {
			names = append(names, ck.Name)
			if !ck.Secure {
				t.Errorf("%s: cookie %s is not Secure", resp.Request.URL.Path, ck.Name)
			}
		}
	}
	for _, want := range []string{"portico_anon", "portico_session", "portico_flash"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("no %s cookie was set in the walk: %v", want, names)
		}
	}
}

// TestHTTPServerSendsNoHSTS: over plain http the header would be
// ignored at best, and cookies cannot be Secure.
func TestHTTPServerSendsNoHSTS(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	resp, _ := c.get("/portal/login")
	if got := resp.Header.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("Strict-Transport-Security %q over http", got)
	}
	for _, ck := range resp.Cookies() {
		if ck.Secure {
			t.Errorf("cookie %s is Secure over http", ck.Name)
		}
	}
}
