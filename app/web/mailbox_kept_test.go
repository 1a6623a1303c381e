package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// An email kept in the built-in mailbox was not sent, and neither the list
// nor its page says it was.
func TestKeptEmailsAreNotLabelledSent(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := ts.queueEmail("Kim", "kim@example.com", "Hi")
	ctx := context.Background()
	claimed, err := ts.store.ClaimEmails(ctx, 10, time.Minute)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %d %v", len(claimed), err)
	}
	err = ts.store.FinishEmails(ctx, []model.MailOutcome{{ID: id, State: model.MailSent, Transport: model.TransportMailbox}})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/admin/mailbox", "/admin/mailbox/" + itoa(id)} {
		_, body := c.get(path)
		wantContains(t, body, `<span class="badge badge-kept"`, "Kept (not sent)")
		wantNotContains(t, body, "badge-sent")
	}
	_, body := c.get("/admin/mailbox/" + itoa(id))
	wantContains(t, body, "<dt>Kept</dt>")
	wantNotContains(t, body, "<dt>Sent</dt>")
}

// The Sent tab counts and lists only what went out through SMTP; emails
// kept in the built-in mailbox have their own Kept tab.
func TestMailboxTabsKeepKeptApartFromSent(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	smtp := ts.queueEmail("Lee", "lee@example.com", "Hi")
	kept := ts.queueEmail("Kim", "kim@example.com", "Hi")
	ctx := context.Background()
	if claimed, err := ts.store.ClaimEmails(ctx, 10, time.Minute); err != nil || len(claimed) != 2 {
		t.Fatalf("claim: %d %v", len(claimed), err)
	}
	err := ts.store.FinishEmails(ctx, []model.MailOutcome{{ID: smtp, State: model.MailSent, Transport: model.TransportSMTP},
		{ID: kept, State: model.MailSent, Transport: model.TransportMailbox}})
	if err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/admin/mailbox")
	wantContains(t, body, `Sent <span class="count">1</span>`, `Kept <span class="count">1</span>`, `All <span class="count">2</span>`,
		`href="/admin/mailbox?state=kept"`)
	_, body = c.get("/admin/mailbox?state=sent")
	wantContains(t, body, "lee@example.com")
	wantNotContains(t, body, "kim@example.com")
	_, body = c.get("/admin/mailbox?state=kept", htmx...)
	wantContains(t, body, "kim@example.com", "Kept (not sent)")
	wantNotContains(t, body, "lee@example.com")
}
