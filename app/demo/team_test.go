package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// checkTeamsYear checks the team's side of the sample year: tickets
// assigned, answered and noted on, old ones done and recent ones not,
// time logged in the last month, and some tickets the admin's own.
func checkTeamsYear(t *testing.T, ctx context.Context, st *store.Store, admin int64) {
	t.Helper()
	var agent, customer, notes, oldDone, oldTickets, recentOpen, recentTickets, assigned, mine int
	statuses := map[model.TicketStatus]int{}
	for id := int64(1); ; id++ {
		tk, err := st.Ticket(ctx, id)
		if errors.Is(err, model.ErrNotFound) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if tk.CreatedAt.After(time.Now()) {
			t.Errorf("ticket %d is raised on %v, after now", id, tk.CreatedAt)
		}
		if tk.AssigneeID != 0 {
			assigned++
		}
		statuses[tk.Status]++
		if tk.AssigneeID == admin {
			mine++
		}
		old := time.Since(tk.CreatedAt) > 30*24*time.Hour
		if old {
			oldTickets++
			if tk.Status.Done() {
				oldDone++
			}
		} else if time.Since(tk.CreatedAt) < 10*24*time.Hour {
			recentTickets++
			if !tk.Status.Done() {
				recentOpen++
			}
		}
		rs, err := st.Replies(ctx, id, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			switch {
			case r.Private:
				notes++
			case r.AuthorKind == model.AuthorCustomer:
				customer++
			default:
				agent++
			}
		}
	}
	if agent < 40 || customer < 20 || notes < 10 {
		t.Errorf("%d agents' replies, %d customers' answers, %d notes; want conversations on most tickets", agent, customer, notes)
	}
	if oldDone != oldTickets || recentOpen != recentTickets || recentTickets == 0 {
		t.Errorf("%d of %d old tickets done, %d of %d recent ones open or pending; want old done, recent not", oldDone, oldTickets, recentOpen, recentTickets)
	}
	for _, s := range model.TicketStatuses {
		if statuses[s] == 0 {
			t.Errorf("tickets by status %v: none %s", statuses, s)
		}
	}
	if n, _ := st.CountAgents(ctx); assigned < oldTickets || n < 5 || mine == 0 {
		t.Errorf("%d tickets assigned among %d agents, %d to the admin; want every worked ticket assigned among a team", assigned, n, mine)
	}
	now := time.Now().UTC()
	month, err := st.TimeSummary(ctx, model.TimeQuery{From: now.AddDate(0, -1, 0), To: now, Group: model.GroupAgent})
	if err != nil {
		t.Fatal(err)
	}
	year, err := st.TimeSummary(ctx, model.TimeQuery{From: now.AddDate(-1, 0, 0), To: now, Group: model.GroupMonth})
	if err != nil {
		t.Fatal(err)
	}
	if len(month) < 2 || len(year) < 11 {
		t.Errorf("time by %d agents in the last month and in %d months of the year; want a team's time all year", len(month), len(year))
	}
	var billable, not int64
	for _, g := range year {
		billable, not = billable+g.Billable, not+g.NonBillable
	}
	if billable < 3*not {
		t.Errorf("%ds billable, %ds not; want time mostly billable", billable, not)
	}
}
