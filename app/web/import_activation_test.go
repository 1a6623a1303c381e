package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// importWithNewContacts has c start an import asking for the activation
// email and lets its first batch create contacts as the engine does. It
// returns the import's page and the contacts.
func importWithNewContacts(c *client, people ...store.NewContact) (string, []int64) {
	t := c.ts.t
	t.Helper()
	step := strings.TrimSuffix(c.draft("people.csv", peopleCSV), "/map")
	_, page := c.get(step + "/map")
	c.post(step+"/map", mapForm(page, "step", "next"))
	c.get(step + "/options")
	form := startForm()
	form.Set("send_activation", "on")
	resp, body := c.post(step+"/options", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	progress := resp.Header.Get("Location")
	ctx := context.Background()
	var created []int64
	err := c.ts.store.ImportBatch(ctx, testActor, mustID(t, path.Base(progress)), 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		var err error
		created, err = b.Insert(ctx, people)
		return len(people), model.ImportCounts{Created: len(people)}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return progress, created
}

// sendImportActivations runs the jobs sending import activation emails
// until the import's newest one has finished, as the server's runner does.
func (ts *testServer) sendImportActivations(importID int64) *model.Job {
	ts.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(ts.store, log)
	r.Poll, r.Workers = 5*time.Millisecond, 1
	mailer := &mail.Mailer{Store: ts.store, Templates: &mail.Templates{Store: ts.store}}
	activation.Register(r, &activation.Service{Store: ts.store, Mailer: mailer, BaseURL: "http://portico.test", TTL: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	var j *model.Job
	testkit.Eventually(ts.t, time.Minute, func() bool {
		var err error
		j, err = ts.store.LastImportActivationJob(ctx, importID)
		return err == nil && j.State.Finished()
	}, "the activation emails of import %d were not sent", importID)
	return j
}

func newPerson(name, email string) store.NewContact {
	return store.NewContact{Fields: model.ContactFields{Name: name}, Emails: []string{email}}
}

// TestCancelledImportHoldsActivationEmails shows a cancelled import's
// held emails to its importer and to admins only, sends them once asked
// and confirmed, through the CSRF check, and never twice. A contact
// blocked since is skipped.
func TestCancelledImportHoldsActivationEmails(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	bob := ts.agentClient("Bob Agent", "bob@example.com")
	page, created := importWithNewContacts(bob, newPerson("Kim Minjun", "minjun@example.com"),
		newPerson("Lee Jiwoo", "jiwoo@example.com"), newPerson("Blocked Later", "blocked@example.com"))
	id := mustID(t, path.Base(page))
	bob.get(page + "/cancel")
	resp, body := bob.post(page+"/cancel", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if err := ts.store.ChangeContactState(context.Background(), testActor, created[2], "blocked"); err != nil {
		t.Fatal(err)
	}
	notice := "2 contacts created by this import have not been sent the activation email, because the import was cancelled."
	button := "Send activation emails to these 2 contacts"
	for _, c := range []*client{bob, admin} {
		_, body := c.get(page)
		wantContains(t, body, notice, button, `hx-confirm="Send the activation email to 2 contacts created by this import?"`)
	}
	carol := ts.agentClient("Carol Agent", "carol@example.com")
	resp, body = carol.get(page)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = carol.post(page+"/activation", url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = bob.post(page+"/activation", url.Values{"_csrf": {""}, "confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusForbidden)

	resp, body = bob.post(page+"/activation", url.Values{})
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Send the activation email to 2 contacts?", `name="confirmed" value="1"`, "Send 2 activation emails")
	wantJobs(t, ts, 0)

	resp, body = bob.post(page+"/activation", url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = bob.get(page)
	wantContains(t, body, "Queuing activation emails for 2 contacts.",
		"Queuing activation emails for the contacts created by this import… counting them.", `hx-trigger="every 1s"`)
	resp, body = admin.post(page+"/activation", url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get(page)
	wantContains(t, body, "Nothing to send: these contacts have already been sent the activation email, or it is on its way.")
	wantJobs(t, ts, 1)

	if p := activation.ProgressOf(ts.sendImportActivations(id)); p.Sent != 2 || p.Skipped != 1 {
		t.Errorf("progress %+v, want 2 sent and 1 skipped", p)
	}
	body = bob.settle(page)
	wantContains(t, body, "Activation emails queued for 2 contacts created by this import; 1 skipped: no address, or no longer unverified."+
		" SMTP is not configured, so they are kept in Admin › Mailbox.")
	wantNotContains(t, body, "was sent to")
	_, body = admin.get(page)
	wantContains(t, body, `so they are kept in <a href="/admin/mailbox">Admin › Mailbox</a>.`)
	if strings.Contains(body, button) {
		t.Error("the page still offers to send the emails it sent")
	}
	bob.get(page)
	resp, body = bob.post(page+"/activation", url.Values{"confirmed": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	wantJobs(t, ts, 1)
}

// wantJobs checks how many import activation jobs were ever queued.
func wantJobs(t *testing.T, ts *testServer, n int) {
	t.Helper()
	if js, err := ts.store.Jobs(context.Background(), store.ImportActivationJobKind, 10); len(js) != n || err != nil {
		t.Fatalf("%d activation jobs (%v), want %d", len(js), err, n)
	}
}

// TestFailedImportSaysWhyItsEmailsWereHeld words the held emails of an
// import that stopped with an error, and asks before sending them
// without JavaScript.
func TestFailedImportSaysWhyItsEmailsWereHeld(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	page, _ := importWithNewContacts(admin, newPerson("Kim Minjun", "minjun@example.com"))
	if err := ts.store.FinishImport(context.Background(), mustID(t, path.Base(page)), model.JobFailed, "The file could not be read."); err != nil {
		t.Fatal(err)
	}
	_, body := admin.get(page)
	wantContains(t, body, "1 contact created by this import has not been sent the activation email, because the import stopped with an error.",
		"Send activation emails to this contact")
	resp, body := admin.post(page+"/activation", url.Values{})
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Send the activation email to 1 contact?", "Send 1 activation email</button>")
	wantJobs(t, ts, 0)
}
