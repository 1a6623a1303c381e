package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// Every error under /portal is shown in the portal's layout.
func TestPortalErrorsUseThePortalsPage(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	admin.post("/admin/portal", url.Values{"name": {"Acme Help"}, "submitters": {"logged_in"}})
	_, cu := ts.activated(admin, "Kim Min-jun", "minjun@example.com", "corn flakes at noon")

	resp, body := cu.get("/portal/tickets/9999")
	wantStatus(t, resp, body, http.StatusNotFound)
	wantContains(t, body, "Acme Help", "Back to the portal", "Kim Min-jun")
	wantNotContains(t, body, "Back to contacts")

	resp, body = cu.postRaw("/portal/profile", url.Values{"name": {"X"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	wantContains(t, body, "This form has expired", "Acme Help", "Back to the portal")
	wantNotContains(t, body, "Back to contacts")

	resp, body = admin.get("/contacts/9999")
	wantStatus(t, resp, body, http.StatusNotFound)
	wantContains(t, body, "Back to contacts")
}
