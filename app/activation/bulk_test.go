package activation_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestBulkSendCountsWhatItSkips(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var ids []int64
	for i := range 3 {
		ids = append(ids, e.contact(fmt.Sprintf("Unverified %d", i), fmt.Sprintf("u%d@example.com", i)))
	}
	noEmail := e.contact("No Address")
	verified := e.contact("Verified One", "v@example.com")
	e.svc.Send(ctx, ann, verified)
	token, _ := e.lastLink("v@example.com")
	e.svc.SetPassword(ctx, token, model.LinkActivation, "corn flakes at noon")
	e.runJobs()
	id, err := e.svc.StartBulk(ctx, ann, activation.Selection{IDs: append(ids, noEmail, verified, 999)}, false)
	if err != nil {
		t.Fatal(err)
	}
	p := activation.ProgressOf(e.waitJob(id))
	want := activation.Progress{Total: 6, Counts: activation.Counts{Sent: 3, NoEmail: 1, Skipped: 2}}
	if p != want {
		t.Fatalf("progress %+v, want %+v", p, want)
	}
	for i := range 3 {
		e.lastLink(fmt.Sprintf("u%d@example.com", i))
	}
}

func TestBulkSendToAllMatching(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for i := range 1200 { // more than two batches
		e.contact(fmt.Sprintf("Person %04d", i), fmt.Sprintf("p%d@example.com", i))
	}
	e.contact("Elsewhere", "other@example.org")
	e.runJobs()
	q := model.ContactQuery{View: model.StateUnverified, Search: "example.com"}
	id, err := e.svc.StartBulk(ctx, ann, activation.Selection{All: true, Query: q}, false)
	if err != nil {
		t.Fatal(err)
	}
	if p := activation.ProgressOf(e.waitJob(id)); p.Total != 1200 || p.Sent != 1200 {
		t.Fatalf("progress %+v, want all 1,200 matching sent", p)
	}
	if counts, _ := e.st.CountEmails(ctx); counts[model.MailQueued] != 1200 {
		t.Fatalf("%d emails queued", counts[model.MailQueued])
	}
}

func TestStartBulkNeedsASelection(t *testing.T) {
	e := newEnv(t)
	var ve *model.ValidationError
	if _, err := e.svc.StartBulk(context.Background(), ann, activation.Selection{}, false); !asValidation(err, &ve) {
		t.Fatalf("empty selection: %v", err)
	}
}

// TestImportSendsToTheContactsItCreated imports through the store's batch
// API, as the import engine does: only contacts the import created get
// the email, once the import has finished.
func TestImportSendsToTheContactsItCreated(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	before := e.contact("Already Here", "here@example.com")
	imp, err := e.st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "c.csv", Mode: "upsert", Match: "email",
		Blank: "keep", SendActivation: true})
	if err != nil {
		t.Fatal(err)
	}
	var created []int64
	err = e.st.ImportBatch(ctx, ann, imp, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		created, err = b.Insert(ctx, []store.NewContact{
			{Fields: model.ContactFields{Name: "New One"}, Emails: []string{"new1@example.com"}},
			{Fields: model.ContactFields{Name: "New Two"}, Emails: []string{"new2@example.com"}},
		})
		return 3, model.ImportCounts{Created: 2}, err
	})
	if err != nil || len(created) != 2 {
		t.Fatalf("import batch: %v %v", created, err)
	}
	e.runJobs()
	if err := e.st.FinishImport(ctx, imp, model.JobDone, ""); err != nil {
		t.Fatal(err)
	}
	jobsDone, _ := e.st.Jobs(ctx, store.ImportActivationJobKind, 5)
	if len(jobsDone) != 1 {
		t.Fatalf("%d activation jobs queued, want 1", len(jobsDone))
	}
	if p := activation.ProgressOf(e.waitJob(jobsDone[0].ID)); p.Sent != 2 {
		t.Fatalf("progress %+v, want 2 sent", p)
	}
	e.lastLink("new2@example.com")
	if st, err := e.st.LinkStatus(ctx, before); err == nil {
		t.Fatalf("a contact the import did not create was sent a link: %+v", st)
	}
}
