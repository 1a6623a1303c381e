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
}
