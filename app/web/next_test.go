package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// hostileNexts lead a browser to another site, or nowhere useful, once it
// has dropped tabs and line breaks, read "\" as "/" and decoded what it
// decodes; every one must send the signed-in visitor home instead.
var hostileNexts = []string{
	"//evil.example/x",
	"///evil.example",
	"/\\evil.example",
	"/\\/evil.example",
	"\\\\evil.example",
	"/\t/evil.example/x",
	"/\n/evil.example",
	"/\r\n/evil.example",
	"/\r/evil.example",
	"\t//evil.example",
	" //evil.example",
	"/\x00/evil.example",
	"/\x7f/evil.example",
	"/%2F/evil.example",
	"/%2f%2fevil.example",
	"/%5Cevil.example",
	"/%5c%5cevil.example",
	"/%09/evil.example",
	"/%0d%0a/evil.example",
	"/..//evil.example",
	"https://evil.example/",
	"https:evil.example",
	"http:/evil.example",
	"javascript:alert(1)",
	"data:text/html,hi",
	"evil.example",
	"",
	"/%zz",
}

// TestSignInRedirectsOnlyWithinTheSite signs in with each hostile next,
// on the agents' and on the portal's form, and once with a good one.
func TestSignInRedirectsOnlyWithinTheSite(t *testing.T) {
	ts := newTestServer(t)
	ts.activated(ts.admin(), "Han Ji-min", "jimin@example.com", "corn flakes at noon")
	forms := []struct {
		path, email, password, home string
		good                        []string
		outside                     []string
	}{
		{"/login", "ann@example.com", "correct horse battery", "/contacts",
			[]string{"/contacts/42?tab=emails", "/companies#top", "/portal"}, nil},
		{"/portal/login", "jimin@example.com", "corn flakes at noon", "/portal",
			[]string{"/portal/tickets/7#reply", "/portal?x=1", "/portal/profile"},
			[]string{"/contacts", "/portalx", "/portal%2F..%2Fcontacts", "/portal/..//evil.example"}},
	}
	for _, f := range forms {
		for _, next := range append(append(hostileNexts, f.outside...), f.good...) {
			want := f.home
			for _, g := range f.good {
				if next == g {
					want = next
				}
			}
			c := ts.client()
			_, page := c.get(f.path + "?next=" + url.QueryEscape(next))
			if got := hiddenNext(page); got != want {
				t.Errorf("GET %s?next=%q: the form carries next %q, want %q", f.path, next, got, want)
			}
			resp, body := c.post(f.path, url.Values{"email": {f.email}, "password": {f.password}, "next": {next}})
			wantStatus(t, resp, body, http.StatusSeeOther)
			if got := resp.Header.Get("Location"); got != want {
				t.Errorf("%s with next %q went to %q, want %q", f.path, next, got, want)
			}
		}
	}
}

// hiddenNext is the value of a page's hidden "next" field.
func hiddenNext(page string) string {
	_, after, ok := strings.Cut(page, `name="next" value="`)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, `"`)
	return html.UnescapeString(v)
}
