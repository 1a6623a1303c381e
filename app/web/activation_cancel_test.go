package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// startBulk has an agent tick a contact and send, and returns the send's
// page. No job runner runs, so the send waits.
func (c *client) startBulk(contact int64) string {
	c.ts.t.Helper()
	c.get("/contacts?view=unverified")
	resp, body := c.post("/activations", url.Values{"view": {"unverified"}, "id": {itoa(contact)}})
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	return resp.Header.Get("Location")
}

// jobState reads the state of the job a send's page shows.
func (ts *testServer) jobState(page string) model.JobState {
	ts.t.Helper()
	j, err := ts.store.Job(context.Background(), mustID(ts.t, strings.TrimPrefix(page, "/activations/")))
	if err != nil {
		ts.t.Fatal(err)
	}
	return j.State
}

func TestBulkActivationCancelIsForItsAgentAndAdmins(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	owner := ts.agentClient("Bo Agent", "bo@example.com")
	other := ts.agentClient("Cy Agent", "cy@example.com")
	contact := ts.createContact("Bulk A", "a@example.com")
	page := owner.startBulk(contact)

	_, body := other.get(page)
	wantContains(t, body, "Counting contacts…")
	wantNotContains(t, body, "Cancel sending")
	resp, body := other.get(page + "/cancel")
	wantStatus(t, resp, body, http.StatusForbidden)
	resp, body = other.post(page+"/cancel", nil)
	wantStatus(t, resp, body, http.StatusForbidden)

	_, body = owner.get(page)
	wantContains(t, body, `href="`+page+`/cancel"`, "Cancel sending")
	resp, body = owner.post(page+"/cancel", url.Values{"_csrf": {""}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if st := ts.jobState(page); st != model.JobQueued {
		t.Fatalf("the send is %s after refused cancels", st)
	}

	_, body = owner.get(page + "/cancel")
	wantContains(t, body, "Cancel sending the activation emails?", `action="`+page+`/cancel"`, "Keep sending",
		"The contacts emailed by then keep working links; the others are not emailed.",
		"Sending again to all of them later would email everyone once more, and replace the links just sent.")
	wantNotContains(t, body, "Unverified view and send again")
	resp, body = owner.post(page+"/cancel", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = owner.get(page)
	wantContains(t, body, "<h1>Activation emails cancelled</h1>", "Cancelled before it started: no email queued.",
		"Cancelled. The emails queued before it stops stay queued.")
	wantNotContains(t, body, "SMTP is not configured")
	wantNotContains(t, body, `hx-trigger="every 1s"`, "Cancel sending")

	second := owner.startBulk(contact)
	_, body = admin.get(second)
	wantContains(t, body, "Cancel sending")
	resp, body = admin.post(second+"/cancel", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	if st := ts.jobState(second); st != model.JobCancelled {
		t.Fatalf("an admin's cancel left the send %s", st)
	}
}

// TestCancelledBulkActivationSaysHowFarItGot follows a running send, as a
// worker records it, through its cancellation.
func TestCancelledBulkActivationSaysHowFarItGot(t *testing.T) {
	ts := newTestServer(t)
	ctx := context.Background()
	owner := ts.agentClient("Bo Agent", "bo@example.com")
	page := owner.startBulk(ts.createContact("Bulk A", "a@example.com"))
	id := mustID(t, strings.TrimPrefix(page, "/activations/"))
	if _, err := ts.store.ClaimJob(ctx, "worker", []string{"activation.bulk"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	progress := `{"total":1000,"sent":300}`
	if _, err := ts.store.HeartbeatJob(ctx, id, "worker", time.Hour, progress, "300"); err != nil {
		t.Fatal(err)
	}
	owner.get(page + "/cancel")
	resp, body := owner.post(page+"/cancel", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = owner.get(page)
	wantContains(t, body, "<h1>Cancelling the activation emails</h1>", "It stops after the emails it is queuing now.",
		"300 of 1,000 contacts", `value="30"`)
	wantNotContains(t, body, "Cancel sending")
	if err := ts.store.FinishJob(ctx, id, "worker", model.JobCancelled, progress, ""); err != nil {
		t.Fatal(err)
	}
	body = owner.settle(page)
	wantContains(t, body, "<h1>Activation emails cancelled</h1>",
		"Cancelled: activation emails queued for 300 of 1,000 contacts; the other 700 were not emailed.",
		"SMTP is not configured, so they are kept in Admin › Mailbox.", "<dt>Queued</dt><dd>300</dd>")
	wantNotContains(t, body, `href="/admin/mailbox"`, "emails sent", "<dt>Sent</dt>")
}
