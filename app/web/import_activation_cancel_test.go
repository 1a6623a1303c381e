package web_test

import (
	"context"
	"net/http"
	"net/url"
	"path"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// sendHeld has c send a cancelled import's held emails, and returns the
// job sending them. No runner runs, so the send waits.
func sendHeld(c *client, page string) *model.Job {
	t := c.ts.t
	t.Helper()
	c.get(page)
	resp, body := c.post(page+"/activation", url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	j, err := c.ts.store.LastImportActivationJob(context.Background(), mustID(t, path.Base(page)))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestImportActivationSendTotalsAgree shows a running send's progress
// with the job's one total, not with the count of contacts held.
func TestImportActivationSendTotalsAgree(t *testing.T) {
	ts := newTestServer(t)
	bob := ts.agentClient("Bob Agent", "bob@example.com")
	page, _ := importWithNewContacts(bob, newPerson("Kim Minjun", "minjun@example.com"), newPerson("Lee Jiwoo", "jiwoo@example.com"))
	bob.get(page + "/cancel")
	bob.post(page+"/cancel", url.Values{})
	j := sendHeld(bob, page)
	ctx := context.Background()
	if _, err := ts.store.ClaimJob(ctx, "worker", []string{store.ImportActivationJobKind}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.HeartbeatJob(ctx, j.ID, "worker", time.Hour, `{"total":40000,"sent":9000}`, "9000"); err != nil {
		t.Fatal(err)
	}
	_, body := bob.get(page)
	wantContains(t, body, "Queuing activation emails for 40,000 contacts created by this import… 9,000 of 40,000 done.")
	wantNotContains(t, body, "2 contacts created by this import")
}

// TestImportActivationSendCancels lets the importer and admins cancel the
// send of an import's held emails, once confirmed, and no other agent;
// the contacts it did not email are held again.
func TestImportActivationSendCancels(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	bob := ts.agentClient("Bob Agent", "bob@example.com")
	carol := ts.agentClient("Carol Agent", "carol@example.com")
	page, _ := importWithNewContacts(bob, newPerson("Kim Minjun", "minjun@example.com"), newPerson("Lee Jiwoo", "jiwoo@example.com"))
	bob.get(page + "/cancel")
	bob.post(page+"/cancel", url.Values{})
	j := sendHeld(bob, page)
	cancel := page + "/activation/cancel"

	_, body := bob.get(page)
	wantContains(t, body, `action="`+cancel+`"`, `hx-confirm="Cancel sending the activation emails? The contacts emailed by then keep working links; the others are not emailed."`,
		"Cancel sending</button>")
	resp, body := carol.post(cancel, url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = bob.post(cancel, url.Values{"_csrf": {""}, "confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	resp, body = bob.post(cancel, url.Values{})
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Cancel sending the activation emails?", `name="confirmed" value="1"`, "Keep sending",
		"The contacts emailed by then keep working links; the others are not emailed")
	if got := ts.jobStateOf(j.ID); got != model.JobQueued {
		t.Fatalf("the send is %s before the cancel is confirmed", got)
	}

	resp, body = bob.post(cancel, url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := ts.jobStateOf(j.ID); got != model.JobCancelled {
		t.Fatalf("the send is %s after a confirmed cancel", got)
	}
	_, body = bob.get(page)
	wantContains(t, body, "Cancelled. The emails queued before it stops stay queued.",
		"2 contacts created by this import have not been sent the activation email, because sending them was cancelled.",
		"Send activation emails to these 2 contacts")
	wantNotContains(t, body, "Cancel sending", `hx-trigger="every 1s"`)

	again := sendHeld(admin, page)
	admin.get(page)
	resp, body = admin.post(cancel, url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := ts.jobStateOf(again.ID); got != model.JobCancelled {
		t.Fatalf("an admin's cancel left the send %s", got)
	}
}

// jobStateOf reads a job's state.
func (ts *testServer) jobStateOf(id int64) model.JobState {
	ts.t.Helper()
	j, err := ts.store.Job(context.Background(), id)
	if err != nil {
		ts.t.Fatal(err)
	}
	return j.State
}
