package store_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// importWithNewContacts runs one batch of an import asking for the
// activation email, creating contacts with and without an address.
func importWithNewContacts(t *testing.T, st *store.Store, in ...store.NewContact) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	id, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "people.csv", Mode: "upsert", Match: "email",
		Blank: "keep", SendActivation: true})
	if err != nil {
		t.Fatal(err)
	}
	var created []int64
	err = st.ImportBatch(ctx, ann, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		created, err = b.Insert(ctx, in)
		return len(in), model.ImportCounts{Created: len(in)}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id, created
}

// TestFinishImportSendsOnlyWhenDone queues the activation emails of an
// import that finished as done, and holds them for a cancelled or failed
// one, whose noted contacts stay for a later send.
func TestFinishImportSendsOnlyWhenDone(t *testing.T) {
	for _, tc := range []struct {
		state model.JobState
		jobs  int
	}{{model.JobDone, 1}, {model.JobCancelled, 0}, {model.JobFailed, 0}} {
		t.Run(string(tc.state), func(t *testing.T) {
			st, _ := open(t)
			ctx := context.Background()
			id, _ := importWithNewContacts(t, st, person("One", "", "one@example.com"), person("No Address", ""))
			if err := st.FinishImport(ctx, id, tc.state, ""); err != nil {
				t.Fatal(err)
			}
			if js, _ := st.Jobs(ctx, store.ImportActivationJobKind, 5); len(js) != tc.jobs {
				t.Errorf("%d activation jobs queued, want %d", len(js), tc.jobs)
			}
			if n, err := st.CountImportActivations(ctx, id); n != 1 || err != nil {
				t.Errorf("%d contacts (%v) still to email, want 1: the one with an address", n, err)
			}
		})
	}
}

// TestHeldActivationsAreQueuedOnce queues a cancelled import's held
// emails for the agent who asks, once: asking again while the send waits,
// or after it ran and forgot the contacts, queues nothing. Contacts
// blocked or deleted since, or left without an address, are not counted.
func TestHeldActivationsAreQueuedOnce(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	id, created := importWithNewContacts(t, st, person("One", "", "one@example.com"), person("Two", "", "two@example.com"),
		person("Blocked Later", "", "blocked@example.com"), person("Deleted Later", "", "deleted@example.com"))
	if err := st.FinishImport(ctx, id, model.JobCancelled, ""); err != nil {
		t.Fatal(err)
	}
	for i, action := range []string{"blocked", "deleted"} {
		if err := st.ChangeContactState(ctx, ann, created[2+i], action); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := st.CountImportActivations(ctx, id); n != 2 {
		t.Errorf("%d contacts to email, want 2", n)
	}
	agent, err := st.CreateAgent(ctx, "Ann Agent", "ann@portico.test", model.RoleAgent, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		if queued, err := st.QueueImportActivations(ctx, id, agent.ID); queued != want || err != nil {
			t.Errorf("request %d queued %v (%v), want %v", i+1, queued, err, want)
		}
	}
	j, err := st.LastImportActivationJob(ctx, id)
	if err != nil || j.CreatedBy != agent.ID || j.State != model.JobQueued {
		t.Fatalf("activation job %+v (%v), want one queued by agent %d", j, err, agent.ID)
	}
	if err := st.CancelJob(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.ForgetImportActivations(ctx, id); err != nil {
		t.Fatal(err)
	}
	if queued, err := st.QueueImportActivations(ctx, id, agent.ID); queued || err != nil {
		t.Errorf("queued %v (%v) after the contacts were forgotten, want nothing", queued, err)
	}
}
