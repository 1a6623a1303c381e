package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// deskTickets raises n tickets a minute apart for one contact.
func deskTickets(t *testing.T, st *store.Store, clk *clock, n int) (int64, []int64) {
	t.Helper()
	c := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Jane Doe"}, Emails: []string{"jane@example.com"}})
	var ids []int64
	for i := range n {
		clk.advance(time.Minute)
		id, err := st.CreateTicket(context.Background(), ann, model.NewTicket{ContactID: c, Subject: fmt.Sprintf("Printer %d jammed", i), Description: "x"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return c, ids
}

func pageIDs(p *model.TicketPage) []int64 {
	var out []int64
	for _, t := range p.Tickets {
		out = append(out, t.ID)
	}
	return out
}

func TestTicketListPagesByCursorBothWays(t *testing.T) {
	st, clk, _ := mgOpen(t)
	ctx := context.Background()
	_, ids := deskTickets(t, st, clk, 7)
	clk.advance(time.Minute)
	s := model.TicketPending
	if _, err := st.ChangeTicket(ctx, ann, ids[0], model.TicketChange{Status: &s}); err != nil {
		t.Fatal(err)
	}
	q := model.TicketQuery{Sort: model.TicketSortUpdated, PerPage: 3}
	p1, err := st.ListTickets(ctx, q)
	if err != nil || fmt.Sprint(pageIDs(p1)) != fmt.Sprint([]int64{ids[0], ids[6], ids[5]}) || p1.Prev != nil || p1.Next == nil {
		t.Fatalf("first page %v prev %v next %v: %v", pageIDs(p1), p1.Prev, p1.Next, err)
	}
	q.Cursor = *p1.Next
	p2, _ := st.ListTickets(ctx, q)
	if fmt.Sprint(pageIDs(p2)) != fmt.Sprint([]int64{ids[4], ids[3], ids[2]}) || p2.Prev == nil || p2.Next == nil {
		t.Fatalf("second page %v", pageIDs(p2))
	}
	q.Cursor = *p2.Prev
	back, _ := st.ListTickets(ctx, q)
	if fmt.Sprint(pageIDs(back)) != fmt.Sprint(pageIDs(p1)) || back.Prev != nil {
		t.Fatalf("back to the first page: %v prev %v", pageIDs(back), back.Prev)
	}
	q.Status = model.TicketPending
	q.Cursor = model.TicketCursor{}
	if p, _ := st.ListTickets(ctx, q); fmt.Sprint(pageIDs(p)) != fmt.Sprint([]int64{ids[0]}) || p.Next != nil {
		t.Fatalf("pending view %v", pageIDs(p))
	}
}

func TestTicketSearchByNumberAndSubject(t *testing.T) {
	st, clk, _ := mgOpen(t)
	ctx := context.Background()
	_, ids := deskTickets(t, st, clk, 3)
	for search, want := range map[string][]int64{
		"#2":           {ids[1]},
		"jam":          {ids[2], ids[1], ids[0]},
		"printer 1":    {ids[1]},
		"\"unclosed":   nil,
		"nothing here": nil,
	} {
		p, err := st.ListTickets(ctx, model.TicketQuery{Search: search, Sort: model.TicketSortCreated})
		if err != nil || fmt.Sprint(pageIDs(p)) != fmt.Sprint(want) {
			t.Errorf("search %q: %v %v; want %v", search, pageIDs(p), err, want)
		}
	}
}

func TestConcurrentStatusChangesBothReachTheTimeline(t *testing.T) {
	st, clk, _ := mgOpen(t)
	ctx := context.Background()
	_, ids := deskTickets(t, st, clk, 1)
	// Two agents loaded the ticket while it was open; each sends a status.
	pending, resolved := model.TicketPending, model.TicketResolved
	for _, s := range []*model.TicketStatus{&pending, &resolved} {
		if _, err := st.ChangeTicket(ctx, model.Actor{Name: "Agent " + string(*s)}, ids[0], model.TicketChange{Status: s}); err != nil {
			t.Fatal(err)
		}
	}
	tk, _ := st.Ticket(ctx, ids[0])
	act, err := st.TicketActivity(ctx, ids[0])
	if err != nil || tk.Status != resolved || len(act) != 2 ||
		act[0].Changes[0] != (model.Change{Field: "status", From: "open", To: "pending"}) ||
		act[1].Changes[0] != (model.Change{Field: "status", From: "pending", To: "resolved"}) {
		t.Fatalf("status %s, timeline %+v, %v", tk.Status, act, err)
	}
}

func TestPrivateNotesStayWithAgents(t *testing.T) {
	st, clk, _ := mgOpen(t)
	ctx := context.Background()
	c, ids := deskTickets(t, st, clk, 1)
	for _, r := range []model.NewReply{
		{TicketID: ids[0], AuthorKind: model.AuthorAgent, Body: "public"},
		{TicketID: ids[0], AuthorKind: model.AuthorAgent, Body: "note", Private: true},
		{TicketID: ids[0], AuthorKind: model.AuthorCustomer, ContactID: c, Body: "thanks"},
	} {
		if _, err := st.AddReply(ctx, ann, r); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := st.Replies(ctx, ids[0], true)
	public, _ := st.Replies(ctx, ids[0], false)
	if len(all) != 3 || len(public) != 2 || public[0].Body != "public" || public[1].Body != "thanks" {
		t.Fatalf("all %+v, public %+v", all, public)
	}
}
