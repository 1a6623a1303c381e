package maintenance_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/maintenance"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// TestSweepRunsAsAJob runs the maintenance job on a database holding one
// expired and one live agent session: the job deletes the expired one,
// records what it swept as its progress, and queues the next sweep an
// hour later.
func TestSweepRunsAsAJob(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "sweep.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := storetest.NewClock(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	a, err := st.CreateAgent(ctx, "Ada", "ada@example.com", model.RoleAdmin, "hash", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, expires := range []time.Time{clk.Now().Add(-time.Minute), clk.Now().Add(time.Hour)} {
		s := model.Session{IDHash: string(rune('a' + i)), AgentID: a.ID, CreatedAt: clk.Now().Add(-2 * time.Hour), ExpiresAt: expires}
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(st, log)
	r.Poll = 10 * time.Millisecond
	maintenance.Register(r, maintenance.Deps{Store: st, Log: log, Retention: 30 * 24 * time.Hour})
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { r.Run(rctx); close(done) }()
	defer func() { cancel(); <-done }()

	var got []model.Job
	testkit.Eventually(t, 10*time.Second, func() bool {
		if got, err = st.Jobs(ctx, maintenance.Kind, 5); err != nil {
			t.Fatal(err)
		}
		return len(got) >= 2
	}, "fewer than 2 maintenance jobs")
	var swept maintenance.Swept
	if err := json.Unmarshal([]byte(got[1].Progress), &swept); err != nil || got[1].State != model.JobDone || swept.Sessions != 1 {
		t.Fatalf("sweep job %+v swept %+v (%v), want done with 1 session", got[1], swept, err)
	}
	if !got[0].RunAt.Equal(clk.Now().Add(maintenance.Interval)) || got[0].State != model.JobQueued {
		t.Fatalf("next sweep %+v, want queued at %s", got[0], clk.Now().Add(maintenance.Interval))
	}
	if _, _, err := st.SessionAgent(ctx, "b"); err != nil {
		t.Fatalf("the live session was swept: %v", err)
	}
}

// TestSweepDeletesEndedJobsItIsToldToKeepShortly deletes an ended job of
// a kind kept a day once the day is over, and leaves other kinds alone.
func TestSweepDeletesEndedJobsItIsToldToKeepShortly(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := storetest.NewClock(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	for _, kind := range []string{"forgot", "import"} {
		if _, err := st.EnqueueJob(ctx, model.NewJob{Kind: kind}); err != nil {
			t.Fatal(err)
		}
		j, err := st.ClaimJob(ctx, "me", []string{kind}, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.FinishJob(ctx, j.ID, "me", model.JobDone, "{}", ""); err != nil {
			t.Fatal(err)
		}
	}
	d := maintenance.Deps{Store: st, Retention: time.Hour, KeepJobs: map[string]time.Duration{"forgot": 24 * time.Hour}}
	if s, err := maintenance.Sweep(ctx, d); err != nil || s.Jobs != 0 {
		t.Fatalf("a fresh job was swept: %+v, %v", s, err)
	}
	clk.Advance(25 * time.Hour)
	if s, err := maintenance.Sweep(ctx, d); err != nil || s.Jobs != 1 {
		t.Fatalf("swept %+v, %v; want the day-old forgot job", s, err)
	}
	if left, _ := st.Jobs(ctx, "import", 5); len(left) != 1 {
		t.Fatalf("import jobs left: %d, want 1", len(left))
	}
}
