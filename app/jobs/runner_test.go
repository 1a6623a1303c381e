package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

func setup(t *testing.T) (*store.Store, *storetest.Clock, *jobs.Runner) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := storetest.NewClock(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	r := jobs.NewRunner(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.Poll, r.Lease = 10*time.Millisecond, 3*time.Second
	return st, clk, r
}

// start runs the runner until the test ends; the returned stop shuts it
// down and waits until Run has returned.
func start(t *testing.T, r *jobs.Runner) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	stop = func() { cancel(); <-done }
	t.Cleanup(stop)
	return stop
}

// waitState polls until the job reaches a state, failing after 10 s.
func waitState(t *testing.T, st *store.Store, id int64, want model.JobState) *model.Job {
	t.Helper()
	var j *model.Job
	testkit.Eventually(t, 10*time.Second, func() bool {
		var err error
		if j, err = st.Job(context.Background(), id); err != nil {
			t.Fatal(err)
		}
		return j.State == want
	}, "job %d never reached %s", id, want)
	return j
}

func TestJobRunsToCompletionWithProgress(t *testing.T) {
	st, _, r := setup(t)
	r.Handle("count", func(ctx context.Context, task *jobs.Task) error {
		return task.Save(ctx, `{"done":3}`, "3")
	})
	start(t, r)
	id, err := r.Enqueue(context.Background(), model.NewJob{Kind: "count"})
	if err != nil {
		t.Fatal(err)
	}
	j := waitState(t, st, id, model.JobDone)
	if j.Progress != `{"done":3}` || j.Attempts != 1 || j.FinishedAt == nil {
		t.Fatalf("done job: %+v", j)
	}
}

func TestFailedAttemptsRetryWithBackoffThenFail(t *testing.T) {
	st, clk, r := setup(t)
	var mu sync.Mutex
	calls := 0
	r.Handle("flaky", func(ctx context.Context, task *jobs.Task) error {
		mu.Lock()
		defer mu.Unlock()
		calls++
		return errors.New("receiver down")
	})
	start(t, r)
	id, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "flaky", MaxAttempts: 3})
	for attempt := 1; attempt < 3; attempt++ {
		j := waitState(t, st, id, model.JobQueued)
		for j.Attempts < attempt {
			j = waitState(t, st, id, model.JobQueued)
		}
		if !j.RunAt.After(clk.Now()) || j.Error != "receiver down" {
			t.Fatalf("attempt %d: a retry should wait: run at %s, now %s, error %q", attempt, j.RunAt, clk.Now(), j.Error)
		}
		clk.Advance(time.Hour) // past any backoff
		r.Wake()
	}
	j := waitState(t, st, id, model.JobFailed)
	if j.Attempts != 3 || calls != 3 {
		t.Fatalf("failed after %d attempts and %d calls, want 3", j.Attempts, calls)
	}
}

func TestPermanentErrorsAndPanicsFail(t *testing.T) {
	st, _, r := setup(t)
	r.Handle("bad", func(ctx context.Context, task *jobs.Task) error {
		return jobs.Permanent{Err: errors.New("the file is not CSV")}
	})
	r.Handle("panic", func(ctx context.Context, task *jobs.Task) error { panic("boom") })
	start(t, r)
	bad, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "bad"})
	boom, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "panic", MaxAttempts: 1})
	if j := waitState(t, st, bad, model.JobFailed); j.Attempts != 1 || j.Error != "the file is not CSV" {
		t.Fatalf("permanent failure: %+v", j)
	}
	waitState(t, st, boom, model.JobFailed)
}

func TestCancelStopsARunningJob(t *testing.T) {
	st, _, r := setup(t)
	started := make(chan struct{})
	r.Handle("long", func(ctx context.Context, task *jobs.Task) error {
		close(started)
		for {
			if err := task.Save(ctx, `{}`, ""); err != nil {
				return err
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
	start(t, r)
	id, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "long"})
	<-started
	if err := st.CancelJob(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	waitState(t, st, id, model.JobCancelled)
}

func TestADeadWorkersJobResumesFromItsCheckpoint(t *testing.T) {
	st, clk, r := setup(t)
	ctx := context.Background()
	id, _ := st.EnqueueJob(ctx, model.NewJob{Kind: "import", Singleton: "import"})
	// A worker claims the job, saves a checkpoint, and dies: nothing renews its lease.
	if _, err := st.ClaimJob(ctx, "dead-worker", []string{"import"}, 3*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := st.HeartbeatJob(ctx, id, "dead-worker", 3*time.Second, `{"rows":500}`, "500"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnqueueJob(ctx, model.NewJob{Kind: "import", Singleton: "import"}); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("a second import while one runs: %v", err)
	}
	resumedAt := make(chan string, 1)
	r.Handle("import", func(ctx context.Context, task *jobs.Task) error {
		resumedAt <- task.Job.Checkpoint
		return nil
	})
	start(t, r)
	clk.Advance(4 * time.Second) // the dead worker's lease runs out
	r.Wake()
	if cp := <-resumedAt; cp != "500" {
		t.Fatalf("resumed from %q, want the checkpoint 500", cp)
	}
	j := waitState(t, st, id, model.JobDone)
	if j.Attempts != 2 {
		t.Fatalf("attempts %d, want 2", j.Attempts)
	}
	if _, err := st.HeartbeatJob(ctx, id, "dead-worker", time.Second, "", ""); !errors.Is(err, store.ErrLeaseLost) {
		t.Fatalf("the dead worker's late heartbeat: %v", err)
	}
	if _, err := st.EnqueueJob(ctx, model.NewJob{Kind: "import", Singleton: "import"}); err != nil {
		t.Fatalf("a new import after the first finished: %v", err)
	}
}

func TestShutdownGivesTheLeaseBack(t *testing.T) {
	st, _, r := setup(t)
	started := make(chan struct{})
	r.Handle("slow", func(ctx context.Context, task *jobs.Task) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	stop := start(t, r)
	id, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "slow"})
	<-started
	stop()
	next, err := st.ClaimJob(context.Background(), "next-process", []string{"slow"}, time.Second)
	if err != nil || next.ID != id {
		t.Fatalf("the next process cannot claim the job at once: %v", err)
	}
}
