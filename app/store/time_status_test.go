package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestTimeStatusFollowsTicket checks the report's status filter follows
// a ticket's status as it changes, for entries recorded before and
// after the change.
func TestTimeStatusFollowsTicket(t *testing.T) {
	st, clk, _ := mgOpen(t)
	ctx := context.Background()
	agent, err := st.CreateAgent(ctx, "Ann Agent", "ann@portico.test", model.RoleAgent, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Jane Doe"}, Emails: []string{"jane@example.com"}})
	tid, err := st.CreateTicket(ctx, ann, model.NewTicket{ContactID: c, Subject: "Slow sync", Description: "x"})
	if err != nil {
		t.Fatal(err)
	}
	day := clk.now().Truncate(24 * time.Hour)
	add := func(sec int64) {
		if _, err := st.AddTimeEntry(ctx, model.NewTimeEntry{TicketID: tid, AgentID: agent.ID, WorkDate: day, Seconds: sec}); err != nil {
			t.Fatal(err)
		}
	}
	seconds := func(s model.TicketStatus) int64 {
		gs, err := st.TimeSummary(ctx, model.TimeQuery{From: day, To: day, Group: model.GroupTicket, Statuses: []model.TicketStatus{s}})
		if err != nil {
			t.Fatal(err)
		}
		var n int64
		for _, g := range gs {
			n += g.Total()
		}
		return n
	}
	add(600)
	if got := seconds(model.TicketOpen); got != 600 {
		t.Fatalf("open: %d seconds, want 600", got)
	}
	resolved := model.TicketResolved
	if _, err := st.ChangeTicket(ctx, ann, tid, model.TicketChange{Status: &resolved}); err != nil {
		t.Fatal(err)
	}
	add(300)
	if open, res := seconds(model.TicketOpen), seconds(model.TicketResolved); open != 0 || res != 900 {
		t.Fatalf("after resolving: open %d, resolved %d seconds; want 0 and 900", open, res)
	}
}
