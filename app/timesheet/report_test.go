package timesheet_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/timesheet"
)

var actor = model.Actor{Name: "Seeder"}

// world is a generated helpdesk: companies, contacts who move to another
// company after raising tickets, and time on those tickets.
type world struct {
	st      *store.Store
	db      *sql.DB
	svc     *timesheet.Service
	agents  []*model.Agent
	tickets []int64
	now     time.Time
}

func newWorld(t *testing.T) *world {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	w := &world{st: st, db: db, svc: &timesheet.Service{Store: st}, now: time.Date(2026, 5, 20, 12, 0, 0, 0, time.UTC)}
	st.Now = func() time.Time { return w.now }
	return w
}

// must returns v, failing the test (by panicking) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// seed makes 6 companies, 30 contacts raising 3 tickets each, half of
// whom then move to the next company and raise 2 more, and 3 agents
// recording 1,500 entries over five months.
func (w *world) seed(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 11))
	var cos []int64
	for i := range 6 {
		cos = append(cos, must(w.st.CreateCompany(ctx, actor, model.CompanyFields{Name: fmt.Sprintf("Company %d", i)})))
	}
	for i := range 3 {
		a := must(w.st.CreateAgent(ctx, fmt.Sprintf("Agent %d", i), fmt.Sprintf("a%d@example.com", i), model.RoleAgent, "x", "", nil))
		w.agents = append(w.agents, a)
	}
	for i := range 30 {
		c := must(w.st.CreateContact(ctx, actor, store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Contact %d", i)}}))
		if err := w.st.AddMembership(ctx, actor, c, cos[i%6]); err != nil {
			t.Fatal(err)
		}
		w.raise(t, c, 3)
		if i%2 == 0 {
			next := cos[(i+1)%6]
			if err := w.st.AddMembership(ctx, actor, c, next); err != nil {
				t.Fatal(err)
			}
			if err := w.st.SetDefaultCompany(ctx, actor, c, next); err != nil {
				t.Fatal(err)
			}
			w.raise(t, c, 2)
		}
	}
	for range 1500 {
		day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(140))
		e := model.NewTimeEntry{TicketID: w.tickets[r.IntN(len(w.tickets))], AgentID: w.agents[r.IntN(3)].ID,
			WorkDate: day, Seconds: int64(60 + r.IntN(3*3600)), Billable: r.IntN(3) > 0, Note: "work"}
		must(w.st.AddTimeEntry(ctx, e))
	}
}

func (w *world) raise(t *testing.T, contact int64, n int) {
	for i := range n {
		nt := model.NewTicket{ContactID: contact, Subject: fmt.Sprintf("Ticket %d of %d", i, contact), Description: "d"}
		w.tickets = append(w.tickets, must(w.st.CreateTicket(context.Background(), actor, nt)))
	}
}

// independent sums entries per key in SQL written apart from the
// store's: the company is the ticket's own, joined afresh.
func (w *world) independent(t *testing.T, key, where string, args ...any) map[string]model.TimeTotals {
	rows, err := w.db.Query(`SELECT `+key+`, e.billable, e.seconds FROM time_entries e JOIN tickets t ON t.id = e.ticket_id
		JOIN contacts c ON c.id = t.contact_id WHERE `+where, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]model.TimeTotals{}
	for rows.Next() {
		var k string
		var billable bool
		var sec int64
		if err := rows.Scan(&k, &billable, &sec); err != nil {
			t.Fatal(err)
		}
		tt := out[k]
		if billable {
			tt.Billable += sec
		} else {
			tt.NonBillable += sec
		}
		tt.Entries++
		out[k] = tt
	}
	return out
}

func TestSummaryMatchesIndependentSums(t *testing.T) {
	w := newWorld(t)
	w.seed(t)
	cases := []struct {
		name, query, key, where string
		args                    []any
	}{
		{"company, one month", "period=custom&from=2026-03-01&to=2026-03-31&group=company", "t.company_id",
			"e.work_date BETWEEN ? AND ?", []any{"2026-03-01", "2026-03-31"}},
		{"agent, billable only", "period=custom&from=2026-01-01&to=2026-05-20&group=agent&billable=yes", "e.agent_id",
			"e.billable AND e.work_date BETWEEN ? AND ?", []any{"2026-01-01", "2026-05-20"}},
		{"month, two companies", "period=custom&from=2026-01-01&to=2026-05-20&group=month&company=1&company=2",
			"substr(e.work_date, 1, 7) || '-01'", "t.company_id IN (1, 2) AND e.work_date BETWEEN ? AND ?", []any{"2026-01-01", "2026-05-20"}},
		{"contact, non-billable", "period=custom&from=2026-02-01&to=2026-04-30&group=contact&billable=no", "t.contact_id",
			"NOT e.billable AND e.work_date BETWEEN ? AND ?", []any{"2026-02-01", "2026-04-30"}},
		{"this month by day", "period=this_month&group=day", "e.work_date", "e.work_date BETWEEN ? AND ?",
			[]any{"2026-05-01", "2026-05-31"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, _ := url.ParseQuery(c.query)
			f := must(timesheet.ParseFilters(v, w.now))
			r := must(w.svc.Summary(context.Background(), f))
			want := w.independent(t, c.key, c.where, c.args...)
			var grand model.TimeTotals
			for _, tt := range want {
				grand = grand.Add(tt)
			}
			if r.Totals != grand || grand.Entries == 0 {
				t.Fatalf("totals %+v, independent %+v", r.Totals, grand)
			}
			if len(r.Groups) != len(want) {
				t.Fatalf("%d groups, independent %d", len(r.Groups), len(want))
			}
			for _, g := range r.Groups {
				if want[g.Key] != g.TimeTotals {
					t.Errorf("group %s (%s): %+v, independent %+v", g.Key, g.Label, g.TimeTotals, want[g.Key])
				}
			}
		})
	}
}

// TestTicketStaysWithItsCompany: a contact who moves to another company
// leaves their earlier tickets' time with the first company.
func TestTicketStaysWithItsCompany(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := must(w.st.CreateCompany(ctx, actor, model.CompanyFields{Name: "Acme"}))
	b := must(w.st.CreateCompany(ctx, actor, model.CompanyFields{Name: "Beta"}))
	ag := must(w.st.CreateAgent(ctx, "Ann", "ann@example.com", model.RoleAgent, "x", "", nil))
	c := must(w.st.CreateContact(ctx, actor, store.NewContact{Fields: model.ContactFields{Name: "Kim"}}))
	if err := w.st.AddMembership(ctx, actor, c, a); err != nil {
		t.Fatal(err)
	}
	old := must(w.st.CreateTicket(ctx, actor, model.NewTicket{ContactID: c, Subject: "Old", Description: "d"}))
	if err := w.st.AddMembership(ctx, actor, c, b); err != nil {
		t.Fatal(err)
	}
	if err := w.st.SetDefaultCompany(ctx, actor, c, b); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 5, 19, 0, 0, 0, 0, time.UTC)
	must(w.st.AddTimeEntry(ctx, model.NewTimeEntry{TicketID: old, AgentID: ag.ID, WorkDate: day, Seconds: 3600, Billable: true}))
	f := must(timesheet.ParseFilters(url.Values{"company": {fmt.Sprint(a)}}, w.now))
	r := must(w.svc.Summary(ctx, f))
	if r.Totals.Billable != 3600 || len(r.Groups) != 1 || r.Groups[0].Label != "Acme" {
		t.Fatalf("Acme's report: %+v", r)
	}
}
