package activation_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
)

// exec changes the database file directly, as a test's way of making
// something go wrong at a chosen moment.
func (e *env) exec(query string) {
	e.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.path+"?_busy_timeout=10000")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		e.t.Fatal(err)
	}
}

// unverified creates n unverified contacts, each with its own address.
func (e *env) unverified(n int) {
	for i := range n {
		e.contact(fmt.Sprintf("Person %04d", i), fmt.Sprintf("p%d@example.com", i))
	}
}

// TestResumedBulkSendNeverSendsABatchTwice makes the database refuse the
// job's checkpoint after its first batch, as a crash at that moment
// would leave it. The batch's links and emails went with the checkpoint,
// so the resumed job sends that batch once: no contact gets two emails.
func TestResumedBulkSendNeverSendsABatchTwice(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.unverified(1200) // three batches
	e.exec(`CREATE TRIGGER power_cut BEFORE UPDATE OF checkpoint ON jobs
		WHEN OLD.checkpoint <> '' AND NEW.checkpoint <> OLD.checkpoint BEGIN SELECT RAISE(ABORT, 'power cut'); END`)
	e.runJobs()
	id, err := e.svc.StartBulk(ctx, ann, activation.Selection{All: true, Query: model.ContactQuery{View: model.StateUnverified}}, false)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Eventually(t, 30*time.Second, func() bool {
		j := e.job(id)
		if j.State.Finished() {
			t.Fatalf("the job ended %s before the second batch's checkpoint failed", j.State)
		}
		return j.State == model.JobQueued && strings.Contains(j.Error, "power cut")
	}, "the second batch's checkpoint never failed")
	e.exec(`DROP TRIGGER power_cut`)
	e.clk.Advance(time.Hour) // past the retry's backoff
	j := e.waitJob(id)
	if p := activation.ProgressOf(j); j.State != model.JobDone || p.Sent != 1200 || p.Total != 1200 {
		t.Fatalf("job %s with progress %+v, want done with all 1,200 sent", j.State, p)
	}
	var emails, twice int
	err = e.raw().QueryRow(`SELECT count(*), count(*) - count(DISTINCT contact_id) FROM emails`).Scan(&emails, &twice)
	if err != nil || emails != 1200 || twice != 0 {
		t.Fatalf("%d emails queued, %d of them a second email to a contact (%v)", emails, twice, err)
	}
}

// TestCancelledBulkSendStopsAfterItsBatch asks to cancel the job while
// its first batch is being written: the batch commits, and the job ends
// as cancelled with that batch's emails, and no more, sent.
func TestCancelledBulkSendStopsAfterItsBatch(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.unverified(1200)
	e.exec(`CREATE TRIGGER agent_cancels AFTER INSERT ON activation_tokens WHEN (SELECT count(*) FROM activation_tokens) = 1
		BEGIN UPDATE jobs SET cancel_requested = TRUE WHERE state = 'running'; END`)
	e.runJobs()
	id, err := e.svc.StartBulk(ctx, ann, activation.Selection{All: true, Query: model.ContactQuery{View: model.StateUnverified}}, false)
	if err != nil {
		t.Fatal(err)
	}
	j := e.waitJob(id)
	if p := activation.ProgressOf(j); j.State != model.JobCancelled || p.Sent != 500 || p.Total != 1200 {
		t.Fatalf("job %s with progress %+v, want cancelled with 500 of 1,200 sent", j.State, p)
	}
	if counts, _ := e.st.CountEmails(ctx); counts[model.MailQueued] != 500 {
		t.Fatalf("%d emails queued, want the first batch's 500", counts[model.MailQueued])
	}
}

// TestCancelBulkIsForItsAgentAndAdmins lets the agent who started a send
// and admins cancel it, and no other agent.
func TestCancelBulkIsForItsAgentAndAdmins(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	owner, other, admin := e.agent("Owner", model.RoleAgent), e.agent("Other", model.RoleAgent), e.agent("Admin", model.RoleAdmin)
	id, err := e.svc.StartBulk(ctx, model.Actor{ID: owner.ID, Name: owner.Name}, activation.Selection{IDs: []int64{1}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.CancelBulk(ctx, other, id); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("another agent cancelled: %v", err)
	}
	if err := e.svc.CancelBulk(ctx, owner, id); err != nil {
		t.Fatal(err)
	}
	if j := e.job(id); j.State != model.JobCancelled {
		t.Fatalf("a waiting send is %s once cancelled", j.State)
	}
	if err := e.svc.CancelBulk(ctx, admin, id); err != nil {
		t.Fatalf("an admin cancelling a finished send: %v", err)
	}
}

// job reads a job.
func (e *env) job(id int64) *model.Job {
	e.t.Helper()
	j, err := e.st.Job(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return j
}

// agent creates an agent with a role.
func (e *env) agent(name string, role model.Role) *model.Agent {
	e.t.Helper()
	a, err := e.st.CreateAgent(context.Background(), name, strings.ToLower(name)+"@example.com", role, "", "", nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}
