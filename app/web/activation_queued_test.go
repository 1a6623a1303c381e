package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
)

// finishBulk ends a send as a worker would, with its progress.
func (ts *testServer) finishBulk(page, progress string) {
	ts.t.Helper()
	ctx := context.Background()
	id := mustID(ts.t, strings.TrimPrefix(page, "/activations/"))
	if _, err := ts.store.ClaimJob(ctx, "worker", []string{"activation.bulk"}, time.Hour); err != nil {
		ts.t.Fatal(err)
	}
	if err := ts.store.FinishJob(ctx, id, "worker", model.JobDone, progress, ""); err != nil {
		ts.t.Fatal(err)
	}
}

// A finished send says it queued the emails, not that it sent them, and
// without SMTP where they are kept: a link for admins, words for agents.
func TestFinishedBulkActivationSaysWhereTheEmailsAre(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	page := admin.startBulk(ts.createContact("Bulk A", "a@example.com"))
	ts.finishBulk(page, `{"total":2,"sent":1,"no_email":1}`)
	_, body := admin.get(page)
	wantContains(t, body, "<title>Activation emails queued", "<h1>Activation emails queued</h1>", "2 of 2 contacts", "<dt>Without an email</dt><dd>1</dd>",
		`Activation emails queued for 1 contact. SMTP is not configured, so they are kept in <a href="/admin/mailbox">Admin › Mailbox</a>.`)
	wantNotContains(t, body, `hx-trigger="every 1s"`, "Sending")
	_, body = agent.get(page)
	wantContains(t, body, "Activation emails queued for 1 contact. SMTP is not configured, so they are kept in Admin › Mailbox.")

	withSMTP := newTestServer(t, func(c *config.Config) { c.SMTPURL = "smtp://mail.example.com:587" })
	admin = withSMTP.admin()
	page = admin.startBulk(withSMTP.createContact("Bulk A", "a@example.com"))
	withSMTP.finishBulk(page, `{"total":1,"sent":1}`)
	_, body = admin.get(page)
	wantContains(t, body, "Activation emails queued for 1 contact.")
	wantNotContains(t, body, "SMTP is not configured")
}
