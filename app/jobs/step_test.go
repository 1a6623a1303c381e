package jobs_test

import (
	"context"
	"errors"
	"testing"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestStepMovesTheCheckpointAndHearsACancel commits steps with no links
// to issue, only the checkpoint: each step's progress and checkpoint are
// the job's once it committed, and a step committed after someone asked
// to cancel ends the job as cancelled with that step's progress.
func TestStepMovesTheCheckpointAndHearsACancel(t *testing.T) {
	st, _, r := setup(t)
	stepped, cancelled := make(chan struct{}), make(chan struct{})
	step := func(ctx context.Context, task *jobs.Task, n string) error {
		ctx = context.WithoutCancel(ctx) // a heartbeat hearing of the cancel first must not stop the step
		return task.Step(ctx, n, func(s *store.JobStep) error {
			_, err := st.IssueLinksStep(ctx, model.Actor{Name: "Job"}, nil, s, func([]int64) string { return `{"step":` + n + `}` })
			return err
		})
	}
	r.Handle("steps", func(ctx context.Context, task *jobs.Task) error {
		if err := step(ctx, task, "1"); err != nil {
			return err
		}
		close(stepped)
		<-cancelled
		err := step(ctx, task, "2")
		if !errors.Is(err, jobs.ErrCancelled) {
			t.Errorf("the step after a cancel returned %v", err)
		}
		return err
	})
	start(t, r)
	id, _ := r.Enqueue(context.Background(), model.NewJob{Kind: "steps"})
	<-stepped
	if j, _ := st.Job(context.Background(), id); j.Checkpoint != "1" || j.Progress != `{"step":1}` {
		t.Fatalf("after the first step: checkpoint %q, progress %q", j.Checkpoint, j.Progress)
	}
	if err := st.CancelJob(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	close(cancelled)
	j := waitState(t, st, id, model.JobCancelled)
	if j.Checkpoint != "2" || j.Progress != `{"step":2}` {
		t.Fatalf("cancelled with checkpoint %q, progress %q; want the second step's", j.Checkpoint, j.Progress)
	}
}
