package jobs_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestPeriodicKindRunsAgainAfterEachRun runs a periodic kind at start,
// queues the next run an interval after the last ended (a failed run
// included), and runs it once the clock reaches it.
func TestPeriodicKindRunsAgainAfterEachRun(t *testing.T) {
	st, clk, r := setup(t)
	var runs atomic.Int32
	r.Every("sweep", time.Hour, func(ctx context.Context, task *jobs.Task) error {
		if runs.Add(1) == 2 {
			return jobs.Permanent{Err: errors.New("disk full")}
		}
		return task.Save(ctx, `{"swept":1}`, "")
	})
	start(t, r)
	first := waitSweeps(t, st, 2, model.JobQueued)
	if first[1].State != model.JobDone || first[1].Progress != `{"swept":1}` {
		t.Fatalf("first run: %+v", first[1])
	}
	if next := first[0]; next.State != model.JobQueued || !next.RunAt.Equal(clk.Now().Add(time.Hour)) {
		t.Fatalf("next run is %s at %s, want queued at %s", next.State, next.RunAt, clk.Now().Add(time.Hour))
	}
	clk.Advance(time.Hour)
	r.Wake()
	second := waitSweeps(t, st, 3, model.JobQueued)
	if second[1].State != model.JobFailed || second[1].Error != "disk full" {
		t.Fatalf("second run: %+v", second[1])
	}
	if second[0].State != model.JobQueued {
		t.Fatalf("a failed run must still schedule the next: %+v", second[0])
	}
}

// TestPeriodicKindIsQueuedOnceAcrossRunners starts two runners on one
// database, as two processes would: only one run is ever queued.
func TestPeriodicKindIsQueuedOnceAcrossRunners(t *testing.T) {
	st, _, r := setup(t)
	r2 := jobs.NewRunner(st, r.Log)
	block := make(chan struct{})
	h := func(ctx context.Context, task *jobs.Task) error {
		select {
		case <-block:
		case <-ctx.Done():
		}
		return nil
	}
	r.Every("sweep", time.Hour, h)
	r2.Every("sweep", time.Hour, h)
	// r2 queues its periodic kinds before any of its workers runs one, so
	// once its marker ran, r2 has tried to queue a sweep too.
	scheduled := make(chan struct{})
	r2.Every("marker", time.Hour, func(context.Context, *jobs.Task) error { close(scheduled); return nil })
	start(t, r)
	defer close(block)
	waitSweeps(t, st, 1, model.JobRunning)
	start(t, r2)
	<-scheduled
	if got, _ := st.Jobs(context.Background(), "sweep", 10); len(got) != 1 {
		t.Fatalf("%d sweep jobs, want 1", len(got))
	}
}

// waitSweeps polls until there are n sweep jobs, the newest in state
// want, and returns them newest first.
func waitSweeps(t *testing.T, st *store.Store, n int, want model.JobState) []model.Job {
	t.Helper()
	var got []model.Job
	testkit.Eventually(t, 10*time.Second, func() bool {
		var err error
		if got, err = st.Jobs(context.Background(), "sweep", 10); err != nil {
			t.Fatal(err)
		}
		return len(got) == n && got[0].State == want
	}, "no %d sweep jobs with the newest %s", n, want)
	return got
}
