package web_test

import (
	"strings"
	"testing"
)

// TestContactListTabsHideCountsWhileSearching: the view tabs count whole
// views, so with a search or filter on they keep their names and links,
// which keep the search, but show no counts next to the matches'.
func TestContactListTabsHideCountsWhileSearching(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.createContact("Kim Park", "kim@example.com")
	ts.createContact("Kimberly Lee", "kimberly@example.com")
	ts.createContact("Lee Jones", "lee@example.com")

	_, body := c.get("/contacts")
	wantContains(t, viewTabs(t, body), `All <span class="count">3</span>`)

	for _, path := range []string{"/contacts?q=kim%40", "/contacts?q=KIM@EXAMPLE.COM&view=unverified", "/contacts?tag=vip"} {
		for _, headers := range [][]string{nil, htmx} {
			_, body := c.get(path, headers...)
			if tabs := viewTabs(t, body); strings.Contains(tabs, "count") {
				t.Errorf("GET %s %v: the tabs show whole-view counts:\n%s", path, headers, tabs)
			}
		}
	}
	_, body = c.get("/contacts?q=kim%40", htmx...)
	wantContains(t, viewTabs(t, body), `href="/contacts?q=kim%40&amp;view=verified"`, `Verified</a>`)
	wantContains(t, body, "1–1 of 1 matching “kim@”", "Kim Park")
	if strings.Contains(body, "Kimberly") {
		t.Errorf("kim@ finds kimberly@:\n%s", mainOf(body))
	}
}

// viewTabs returns the list's view tabs.
func viewTabs(t *testing.T, body string) string {
	t.Helper()
	_, tabs, ok := strings.Cut(body, `<nav class="tabs" aria-label="Views">`)
	if !ok {
		t.Fatalf("no view tabs:\n%s", mainOf(body))
	}
	tabs, _, _ = strings.Cut(tabs, "</nav>")
	return tabs
}
