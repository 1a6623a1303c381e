package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// TestMailboxShowsALinkUntilItIsUsed: without SMTP, the admin opens the
// activation email kept in the mailbox and finds its link; once the
// customer used it, the page shows the email with the link redacted and
// says why.
func TestMailboxShowsALinkUntilItIsUsed(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Kim Min-jun", "minjun@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	link := ts.linkTo("minjun@example.com")
	mailID := ts.keepInMailbox()
	page := "/admin/mailbox/" + itoa(mailID)
	_, body := admin.get(page)
	wantContains(t, body, link, "Links in this email")
	wantNotContains(t, body, "/portal/activate/redacted")
	_, html := admin.get(page + "/html")
	wantContains(t, html, link)

	ts.activatedBy(link, "corn flakes at noon")
	_, body = admin.get(page)
	wantContains(t, body, "/portal/activate/redacted", "it was used, replaced or ended, or it expired", "Hi Kim Min-jun,")
	wantNotContains(t, body, link)
	_, html = admin.get(page + "/html")
	wantContains(t, html, "/portal/activate/redacted")
	wantNotContains(t, html, link)
}

// keepInMailbox does what the delivery job does without SMTP to the one
// queued email, and returns its id.
func (ts *testServer) keepInMailbox() int64 {
	ts.t.Helper()
	ctx := context.Background()
	claimed, err := ts.store.ClaimEmails(ctx, 10, time.Minute)
	if err != nil || len(claimed) != 1 {
		ts.t.Fatalf("claim: %d %v", len(claimed), err)
	}
	out := []model.MailOutcome{{ID: claimed[0].ID, State: model.MailSent, Transport: model.TransportMailbox}}
	if err := ts.store.FinishEmails(ctx, out); err != nil {
		ts.t.Fatal(err)
	}
	return claimed[0].ID
}

// activatedBy activates an account with its link and a password, as the
// customer does.
func (ts *testServer) activatedBy(link, password string) {
	ts.t.Helper()
	cu := ts.client()
	cu.get(link)
	if resp, body := cu.post(link, url.Values{"password": {password}}); resp.StatusCode != http.StatusSeeOther {
		ts.t.Fatalf("activate: %d %s", resp.StatusCode, mainOf(body))
	}
}
