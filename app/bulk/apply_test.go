package bulk_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// TestApplyChangesOnlyWhatApplies tags, untags, adds to a company,
// blocks, deletes and restores a ticked selection holding contacts the
// change does not apply to: those are skipped by reason, and only the
// contacts changed get an audit entry and an event.
func TestApplyChangesOnlyWhatApplies(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	plain, vip, gone := e.contact("Plain"), e.contact("Vip", "VIP"), e.contact("Gone")
	if err := e.st.ChangeContactState(ctx, ann, gone, "deleted"); err != nil {
		t.Fatal(err)
	}
	e.company("Acme")
	ids := []int64{plain, vip, gone, 9999}
	cases := []struct {
		req  bulk.Request
		want string
	}{
		{bulk.Request{Action: bulk.Tag, Tag: " vip "}, "1 tagged “vip”; 3 skipped (1 already tagged, 1 deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.Untag, Tag: "VIP"}, "2 untagged “VIP”; 2 skipped (1 deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.AddCompany, Company: "acme"}, "2 added to Acme; 2 skipped (1 deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.AddCompany, Company: "Acme"}, "0 added to Acme; 4 skipped (2 already in Acme, 1 deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.Block}, "2 blocked; 2 skipped (1 deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.Delete}, "2 deleted; 2 skipped (1 already deleted, 1 no longer there)"},
		{bulk.Request{Action: bulk.Restore}, "3 restored; 1 skipped (no longer there)"},
		{bulk.Request{Action: bulk.Unblock}, "2 unblocked; 2 skipped (1 no longer there, 1 not blocked)"},
	}
	audits := e.count(`SELECT count(*) FROM audit_entries`)
	events := e.count(`SELECT count(*) FROM events`)
	for _, c := range cases {
		c.req.Selection = model.Selection{IDs: ids}
		res, req, err := e.svc.Apply(ctx, ann, c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.req.Action, err)
		}
		if got := res.Summary(&req); got != c.want {
			t.Errorf("%s: %q, want %q", c.req.Action, got, c.want)
		}
		audits, events = audits+res.Changed, events+res.Changed
	}
	if got := e.count(`SELECT count(*) FROM audit_entries`); got != audits {
		t.Errorf("%d audit entries, want one per contact changed: %d", got, audits)
	}
	if got := e.count(`SELECT count(*) FROM events`); got != events {
		t.Errorf("%d events, want one per contact changed: %d", got, events)
	}
	c, err := e.st.Contact(ctx, plain)
	if err != nil || c.State != model.StateUnverified || len(c.Companies) != 1 || len(c.Tags) != 0 {
		t.Fatalf("plain contact after it all: %+v (%v)", c, err)
	}
}

func TestApplyRefusesWhatItCannotDo(t *testing.T) {
	e := newEnv(t)
	one := []int64{e.contact("One")}
	many := make([]int64, model.MaxTicked+1)
	for _, r := range []bulk.Request{
		{Action: "explode", Selection: model.Selection{IDs: one}},
		{Action: bulk.Tag, Selection: model.Selection{}},
		{Action: bulk.Tag, Tag: " , ", Selection: model.Selection{IDs: one}},
		{Action: bulk.Tag, Tag: "a, b", Selection: model.Selection{IDs: one}},
		{Action: bulk.AddCompany, Company: "Nobody Inc", Selection: model.Selection{IDs: one}},
		{Action: bulk.Block, Selection: model.Selection{IDs: many}},
	} {
		var ve *model.ValidationError
		if _, _, err := e.svc.Apply(context.Background(), ann, r); !errors.As(err, &ve) {
			t.Errorf("%s %q %q with %d ids: %v, want a validation error", r.Action, r.Tag, r.Company, len(r.IDs), err)
		}
	}
}

// TestBulkJobTagsAllMatching tags every contact a search matches, more
// than one batch of them, and leaves the others alone.
func TestBulkJobTagsAllMatching(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for i := range 450 {
		e.contact(fmt.Sprintf("Walker %03d", i))
	}
	e.contact("Walker Tagged", "west")
	other := e.contact("Somebody Else")
	e.runJobs()
	req := bulk.Request{Action: bulk.Tag, Tag: "west", Selection: model.Selection{All: true, Query: model.ContactQuery{Search: "walker"}}}
	id, err := e.svc.Start(ctx, ann, req)
	if err != nil {
		t.Fatal(err)
	}
	j := e.waitJob(id)
	res := bulk.ResultOf(j)
	if j.State != model.JobDone || res.Total != 451 || res.Changed != 450 || res.Skipped["already tagged"] != 1 {
		t.Fatalf("job %s with %+v", j.State, res)
	}
	if n := e.count(`SELECT count(*) FROM contact_tags WHERE contact_id = $1`, other); n != 0 {
		t.Fatalf("a contact the search does not match was tagged")
	}
	if _, r, err := e.svc.Job(ctx, id); err != nil || r.Tag != "west" {
		t.Fatalf("job's request: %+v %v", r, err)
	}
}

// TestBulkCancelIsForItsAgentAndAdmins lets the agent who started a bulk
// change and admins cancel it, and no other agent.
func TestBulkCancelIsForItsAgentAndAdmins(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	owner, other := e.agent("Owner"), e.agent("Other")
	id, err := e.svc.Start(ctx, model.Actor{ID: owner.ID, Name: owner.Name}, bulk.Request{Action: bulk.Block, Selection: model.Selection{IDs: []int64{1}}})
	if err == nil {
		err = e.svc.Cancel(ctx, other, id)
	}
	if !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("another agent cancelled: %v", err)
	}
	if err := e.svc.Cancel(ctx, owner, id); err != nil {
		t.Fatal(err)
	}
	if j, _, _ := e.svc.Job(ctx, id); j.State != model.JobCancelled {
		t.Fatalf("a waiting bulk change is %s once cancelled", j.State)
	}
}

func (e *env) agent(name string) *model.Agent {
	e.t.Helper()
	a, err := e.st.CreateAgent(context.Background(), name, name+"@example.com", model.RoleAgent, "", "", nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}
