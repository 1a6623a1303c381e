package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// activationCrashContacts is how many contacts the bulk send of
// TestBulkActivationSurvivesSIGKILL goes to: twenty batches.
const activationCrashContacts = 10_000

// TestBulkActivationSurvivesSIGKILL starts a bulk "Send activation email"
// to every unverified contact and kills `portico serve` twice while it
// sends, as its activation.sent events drain to two receivers on
// loopback. Restarted, the send resumes: each contact's email is queued
// exactly once, and each receiver gets every event at least once, each
// contact's in commit order. The send asks to send again to contacts
// sent a link lately, so a batch sent twice would show as a second email
// rather than be skipped.
func TestBulkActivationSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and sends 10,000 activation emails")
	}
	dir, bin := buildPortico(t)
	db := filepath.Join(dir, "data", "portico.db")
	hooks := subscribe(t, db, 2)
	job := startBulkSend(t, db, activationCrashContacts)
	st := openDB(t, db)
	defer st.Close()
	args := serveArgs(db)
	kills := []struct {
		what string
		now  func() bool
	}{
		{"a third of the emails", func() bool { return sent(t, st, job) >= activationCrashContacts/3 }},
		{"two thirds of the emails", func() bool { return sent(t, st, job) >= activationCrashContacts*2/3 }},
		// Each contact has two events: contact.created and activation.sent.
		{"three quarters of the webhooks", func() bool { return hooks[1].Distinct() >= activationCrashContacts*3/2 }},
	}
	for _, k := range kills {
		cmd := startServe(t, bin, args)
		waitUntil(t, k.what+" before the kill", 3*time.Minute, k.now)
		kill(t, cmd, hooks)
		t.Logf("the send had sent %d of %d", sent(t, st, job), activationCrashContacts)
	}
	cmd := startServe(t, bin, args)
	waitUntil(t, "the send to finish", 3*time.Minute, func() bool { return sent(t, st, job) >= activationCrashContacts })
	deliverAll(t, db, cmd, hooks)
	var emails, contacts, over int
	err := rawDB(t, db).QueryRow(`SELECT count(*), count(DISTINCT contact_id), (SELECT count(*) FROM (SELECT contact_id
		FROM emails GROUP BY contact_id HAVING count(*) > 1)) FROM emails`).Scan(&emails, &contacts, &over)
	if err != nil || emails != activationCrashContacts || contacts != activationCrashContacts || over != 0 {
		t.Errorf("%d emails queued to %d contacts, %d of them sent more than one (%v); want one to each of %d",
			emails, contacts, over, err, activationCrashContacts)
	}
}

// startBulkSend inserts n unverified contacts as an import does and
// queues the job sending each the activation email, as the contact
// list's bulk action does; it returns the job's id.
func startBulkSend(t *testing.T, db string, n int) int64 {
	st := openDB(t, db)
	defer st.Close()
	ctx := context.Background()
	for done := 0; done < n; done += 1000 {
		batch := make([]store.NewContact, min(1000, n-done))
		for i := range batch {
			batch[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Person %d", done+i)},
				Emails: []string{fmt.Sprintf("person%d@example.com", done+i)}}
		}
		if _, err := st.InsertContacts(ctx, model.Actor{Name: "Seed"}, batch); err != nil {
			t.Fatal(err)
		}
	}
	svc := &activation.Service{Store: st}
	sel := activation.Selection{All: true, Query: model.ContactQuery{View: model.StateUnverified}}
	id, err := svc.StartBulk(ctx, model.Actor{Name: "Ann"}, sel, true)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// sent is how many emails the send has queued by its own count.
func sent(t *testing.T, st *store.Store, job int64) int {
	j, err := st.Job(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if j.State.Finished() && j.State != model.JobDone {
		t.Fatalf("the send ended %s: %s", j.State, j.Error)
	}
	return activation.ProgressOf(j).Sent
}
