package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// TestDeleteFinishedJobs deletes only the finished jobs of the kind,
// and only those finished before the time given.
func TestDeleteFinishedJobs(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	finish := func(kind string) int64 {
		id, _ := st.EnqueueJob(ctx, model.NewJob{Kind: kind})
		if _, err := st.ClaimJob(ctx, "w", []string{kind}, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := st.FinishJob(ctx, id, "w", model.JobDone, "", ""); err != nil {
			t.Fatal(err)
		}
		return id
	}
	old, other := finish("forgot"), finish("export")
	clk.advance(2 * time.Hour)
	recent := finish("forgot")
	queued, _ := st.EnqueueJob(ctx, model.NewJob{Kind: "forgot"})
	n, err := st.DeleteFinishedJobs(ctx, "forgot", clk.now().Add(-time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("deleted %d, %v; want 1", n, err)
	}
	if _, err := st.Job(ctx, old); err == nil {
		t.Error("the old finished job is still there")
	}
	for _, id := range []int64{other, recent, queued} {
		if _, err := st.Job(ctx, id); err != nil {
			t.Errorf("job %d was deleted: %v", id, err)
		}
	}
}
