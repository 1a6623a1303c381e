package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestLinksCommitWithTheJobsCheckpoint issues links as a job's step: the
// checkpoint and progress move in the same transaction, and a step that
// starts from a checkpoint another worker moved past writes nothing.
func TestLinksCommitWithTheJobsCheckpoint(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Ann", "ann@example.com")
	b := mustContact(t, st, "Bo", "bo@example.com")
	id, _ := st.EnqueueJob(ctx, model.NewJob{Kind: "activation.bulk"})
	if _, err := st.ClaimJob(ctx, "w1", []string{"activation.bulk"}, time.Minute); err != nil {
		t.Fatal(err)
	}
	expires := clk.now().Add(time.Hour)
	progress := func(sent []int64) string { return `{"sent":` + strconv.Itoa(len(sent)) + `}` }
	step := &store.JobStep{ID: id, Owner: "w1", Lease: time.Minute, From: "", To: idText(a)}
	sent, err := st.IssueLinksStep(ctx, ann, []model.NewLink{newLink(a, "ann@example.com", "h-a", model.LinkActivation, expires)}, step, progress)
	if err != nil || len(sent) != 1 || step.Cancel {
		t.Fatalf("first step: sent %v, cancel %v, %v", sent, step.Cancel, err)
	}
	if j, _ := st.Job(ctx, id); j.Checkpoint != idText(a) || j.Progress != `{"sent":1}` {
		t.Fatalf("checkpoint %q, progress %q after the first step", j.Checkpoint, j.Progress)
	}

	for name, stale := range map[string]*store.JobStep{
		"a checkpoint moved past": {ID: id, Owner: "w1", Lease: time.Minute, From: "", To: idText(b)},
		"another worker's job":    {ID: id, Owner: "w2", Lease: time.Minute, From: idText(a), To: idText(b)},
	} {
		_, err := st.IssueLinksStep(ctx, ann, []model.NewLink{newLink(b, "bo@example.com", "h-"+name, model.LinkActivation, expires)}, stale, progress)
		if !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("%s: %v, want ErrLeaseLost", name, err)
		}
	}
	if counts, _ := st.CountEmails(ctx); counts[model.MailQueued] != 1 {
		t.Fatalf("%d emails queued, want only the first step's", counts[model.MailQueued])
	}
	if _, err := st.LinkStatus(ctx, b); err == nil {
		t.Fatal("a refused step left a link behind")
	}

	if err := st.CancelJob(ctx, id); err != nil {
		t.Fatal(err)
	}
	step = &store.JobStep{ID: id, Owner: "w1", Lease: time.Minute, From: idText(a), To: idText(b)}
	if _, err := st.IssueLinksStep(ctx, ann, []model.NewLink{newLink(b, "bo@example.com", "h-b", model.LinkActivation, expires)}, step, progress); err != nil || !step.Cancel {
		t.Fatalf("the step after a cancel: cancel %v, %v", step.Cancel, err)
	}
}

func idText(id int64) string { return strconv.FormatInt(id, 10) }
