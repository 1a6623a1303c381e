package imports

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// An import cancelled while it waits for its first run never counted its
// file: Cancel counts it, so its page says how many rows were not imported.
func TestCancelBeforeTheRunCountsTheFile(t *testing.T) {
	e := newEnv(t)
	id, err := e.start(t, e.runner(), mixedFile(t, e, 40), Params{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Cancel(context.Background(), e.d, nil, id); err != nil {
		t.Fatal(err)
	}
	im, err := Get(context.Background(), e.d, id)
	if err != nil {
		t.Fatal(err)
	}
	if im.State != model.JobCancelled || im.RowsTotal != 40 || im.Rows() != 0 || im.NotImported() != 40 {
		t.Errorf("import %s, %d of %d rows, %d not imported; want cancelled, 0 of 40, 40 not imported",
			im.State, im.Rows(), im.RowsTotal, im.NotImported())
	}
}

// A cancel seen only once the last batch has committed stopped nothing:
// the import finishes as done and queues its activation emails.
func TestCancelAfterTheLastBatchFinishesDone(t *testing.T) {
	e := newEnv(t)
	id, err := e.start(t, e.runner(), mixedFile(t, e, 30), Params{SendActivation: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.runCancelling(id, func(pr Progress) bool { return pr.Total > 0 && pr.Done() == pr.Total })()
	im := e.wait(t, id)
	if im.State != model.JobDone || im.Rows() != 30 {
		t.Fatalf("import %s with %d of %d rows; want done", im.State, im.Rows(), im.RowsTotal)
	}
	j, err := e.st.Job(context.Background(), im.JobID)
	if err != nil || j.State != model.JobDone || !j.Cancel {
		t.Fatalf("job %+v (%v): want done, its cancel asked for", j, err)
	}
	key := fmt.Sprintf("%s:%d", store.ImportActivationJobKind, id)
	if _, err := e.st.ActiveJob(context.Background(), key); err != nil {
		t.Errorf("activation emails not queued: %v", err)
	}
}

// A cancel seen before the last batch still cancels, and holds the emails.
func TestCancelBeforeTheLastBatchCancels(t *testing.T) {
	e := newEnv(t)
	id, err := e.start(t, e.runner(), mixedFile(t, e, 30), Params{SendActivation: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.runCancelling(id, func(Progress) bool { return true })()
	im := e.wait(t, id)
	if im.State != model.JobCancelled || im.Rows() == 0 || im.Rows() == 30 || im.RowsTotal != 30 {
		t.Fatalf("import %s with %d of %d rows; want cancelled after its first batch", im.State, im.Rows(), im.RowsTotal)
	}
	key := fmt.Sprintf("%s:%d", store.ImportActivationJobKind, id)
	if _, err := e.st.ActiveJob(context.Background(), key); err == nil {
		t.Error("a cancelled import queued its activation emails")
	}
}

// runCancelling runs import id's job as the runner would, asking to
// cancel it (through the store, as a person would) right after each
// batch when does says so, before the batch's save can see it. It returns
// what stops the runner.
func (e *env) runCancelling(id int64, does func(Progress) bool) func() {
	r := jobs.NewRunner(e.st, e.d.Log)
	r.Poll, r.Lease, r.Workers = 5*time.Millisecond, 30*time.Second, 1
	r.Handle(JobKind, func(ctx context.Context, t *jobs.Task) error {
		im, err := e.st.Import(ctx, id)
		if err != nil {
			return err
		}
		save := func(pr Progress) error {
			if does(pr) {
				if err := e.st.CancelJob(ctx, t.Job.ID); err != nil {
					return err
				}
			}
			return t.Save(ctx, pr.JSON(), strconv.Itoa(pr.LastRow))
		}
		return e.d.settle(ctx, t.Job.ID, id, e.d.execute(ctx, im, save))
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}
