package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// The link of a contact blocked or deleted since it was sent says plainly
// that the account cannot be activated, instead of offering a new link
// that would never come.
func TestAClosedAccountsLinkSaysItCannotBeActivated(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	for _, action := range []string{"blocked", "deleted"} {
		email := action + "@example.com"
		id := ts.createContact("Kim "+action, email)
		admin.post("/contacts/"+itoa(id)+"/activation", nil)
		link := ts.linkTo(email)
		admin.post("/contacts/"+itoa(id)+"/state", url.Values{"action": {action}})

		cu := ts.client()
		resp, body := cu.get(link)
		wantStatus(t, resp, body, http.StatusGone)
		wantContains(t, body, "This account can’t be activated. Contact support.")
		wantNotContains(t, body, "Send me a new link", "not one we sent")
		cu.get("/portal/login")
		resp, body = cu.post(link, url.Values{"password": {"corn flakes at noon"}})
		wantStatus(t, resp, body, http.StatusGone)
		wantContains(t, body, "Contact support.")
	}
}
