package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// Customers who mistype a portal URL stay in the portal: they see its 404,
// not the agents' sign-in.
func TestUnknownPortalPathIsThePortals404(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	admin.post("/admin/portal", url.Values{"name": {"Acme Help"}, "submitters": {"logged_in"}})
	visitor := ts.client()
	for _, path := range []string{"/portal/nonexistent", "/portal/tickets/1/nope", "/portal/x/y"} {
		resp, body := visitor.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
		wantContains(t, body, "This page does not exist.", "Acme Help", `href="/portal">Back to the portal`)
		wantNotContains(t, body, "Back to contacts", "/login?next")
	}
	resp, _ := visitor.get("/portal/logout")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/portal/login" {
		t.Fatalf("GET /portal/logout signed out: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}

	_, cu := ts.activated(admin, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	resp, body := cu.get("/portal/logout")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Sign out?", `action="/portal/logout"`)
	resp, body = cu.get("/portal")
	wantStatus(t, resp, body, http.StatusOK)
}
