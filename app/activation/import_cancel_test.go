package activation_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestCancelledImportSendHoldsOnlyWhomItDidNotEmail cancels an import's
// send during its first batch: the batch's 500 contacts are emailed and
// no longer held, so sending the held emails again goes to the other 100
// only, and leaves the links just sent working.
func TestCancelledImportSendHoldsOnlyWhomItDidNotEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	imp, err := e.st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "c.csv", Mode: "upsert", Match: "email",
		Blank: "keep", SendActivation: true})
	if err != nil {
		t.Fatal(err)
	}
	people := make([]store.NewContact, 600)
	for i := range people {
		people[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("New %d", i)}, Emails: []string{fmt.Sprintf("new%d@example.com", i)}}
	}
	err = e.st.ImportBatch(ctx, ann, imp, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		_, err := b.Insert(ctx, people)
		return len(people), model.ImportCounts{Created: len(people)}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	e.exec(`CREATE TRIGGER agent_cancels AFTER INSERT ON activation_tokens WHEN (SELECT count(*) FROM activation_tokens) = 1
		BEGIN UPDATE jobs SET cancel_requested = TRUE WHERE state = 'running'; END`)
	e.runJobs()
	if err := e.st.FinishImport(ctx, imp, model.JobDone, ""); err != nil {
		t.Fatal(err)
	}
	first, err := e.st.LastImportActivationJob(ctx, imp)
	if err != nil {
		t.Fatal(err)
	}
	if j := e.waitJob(first.ID); j.State != model.JobCancelled || activation.ProgressOf(j).Sent != 500 {
		t.Fatalf("job %s with progress %s, want cancelled after 500", j.State, j.Progress)
	}
	if held, err := e.st.CountImportActivations(ctx, imp); held != 100 || err != nil {
		t.Fatalf("%d contacts held (%v), want the 100 not emailed", held, err)
	}
	token, _ := e.lastLink("new0@example.com")
	if queued, err := e.st.QueueImportActivations(ctx, imp, 0); !queued || err != nil {
		t.Fatalf("held emails not queued: %v", err)
	}
	again, err := e.st.LastImportActivationJob(ctx, imp)
	if err != nil {
		t.Fatal(err)
	}
	if p := activation.ProgressOf(e.waitJob(again.ID)); p.Total != 100 || p.Sent != 100 {
		t.Fatalf("the second send's progress %+v, want 100 of 100", p)
	}
	if now, _ := e.lastLink("new0@example.com"); now != token {
		t.Fatal("sending the held emails replaced a link the cancelled send had sent")
	}
}
