package web_test

import (
	"net/http"
	"testing"
)

// /admin opens the first admin page, and the Admin tab is current on
// every admin page.
func TestAdminOpensTheMailboxAndItsTabIsCurrent(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	resp, _ := admin.get("/admin")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/mailbox" {
		t.Fatalf("/admin answered %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, path := range []string{"/admin/mailbox", "/admin/email-templates", "/admin/notifications", "/admin/portal", "/admin/webhooks"} {
		resp, body := admin.get(path)
		wantStatus(t, resp, body, http.StatusOK)
		wantContains(t, body, `<a href="/admin/mailbox" aria-current="page">Admin</a>`)
	}
	_, body := admin.get("/contacts")
	wantNotContains(t, body, `<a href="/admin/mailbox" aria-current="page">`)

	agent := ts.agentClient("Bo Agent", "bo@example.com")
	resp, body = agent.get("/admin")
	wantStatus(t, resp, body, http.StatusForbidden)
}
