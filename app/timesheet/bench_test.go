package timesheet_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/timesheet"
)

// Benchmark scale: a year and a half of a busy helpdesk.
const (
	benchCompanies = 10_000
	benchTickets   = 100_000
	benchEntries   = 1_000_000
	benchDays      = 540
)

// benchService opens a database holding benchEntries entries over
// benchTickets tickets and benchCompanies companies, loaded with plain
// multi-row INSERTs (the store's one-by-one writes would take an hour).
// With PORTICO_BENCH_DIR set, the database is kept there and reused.
func benchService(b *testing.B) (*timesheet.Service, time.Time) {
	ctx := context.Background()
	dir := os.Getenv("PORTICO_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, "timesheet-bench.db")
	_, statErr := os.Stat(path)
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	if statErr == nil {
		return &timesheet.Service{Store: st}, now
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	first := now.AddDate(0, 0, -benchDays)
	r := rand.New(rand.NewPCG(1, 2))
	at := now.Format(time.RFC3339)
	load(b, db, "INSERT INTO agents (id, name, email, email_norm, role, created_at, updated_at) VALUES ", 20, func(i int) string {
		return fmt.Sprintf("(%d, 'Agent %d', 'a%d@x', 'a%d@x', 'agent', '%s', '%s')", i+1, i, i, i, at, at)
	})
	load(b, db, "INSERT INTO companies (id, name, name_norm, created_at, updated_at) VALUES ", benchCompanies, func(i int) string {
		return fmt.Sprintf("(%d, 'Company %d', 'company %d', '%s', '%s')", i+1, i, i, at, at)
	})
	load(b, db, "INSERT INTO contacts (id, name, sort_name, company_id, created_at, updated_at) VALUES ", benchCompanies, func(i int) string {
		return fmt.Sprintf("(%d, 'Contact %d', 'contact %d', %d, '%s', '%s')", i+1, i, i, i+1, at, at)
	})
	load(b, db, "INSERT INTO tickets (id, contact_id, company_id, subject, description, status, created_at, updated_at) VALUES ", benchTickets, func(i int) string {
		return fmt.Sprintf("(%d, %d, %d, 'Ticket %d', '', 'open', '%s', '%s')", i+1, i%benchCompanies+1, i%benchCompanies+1, i, at, at)
	})
	load(b, db, "INSERT INTO time_entries (ticket_id, ticket_subject, company_id, contact_id, agent_id, work_date, seconds, billable, note, created_at, updated_at, ticket_status) VALUES ", benchEntries, func(int) string {
		t := r.IntN(benchTickets)
		day := first.AddDate(0, 0, r.IntN(benchDays)).Format(time.DateOnly)
		return fmt.Sprintf("(%d, 'Ticket %d', %d, %d, %d, '%s', %d, %t, 'note', '%s', '%s', 'open')", t+1, t, t%benchCompanies+1,
			t%benchCompanies+1, r.IntN(20)+1, day, 60+r.IntN(7200), r.IntN(4) > 0, at, at)
	})
	if _, err := db.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return &timesheet.Service{Store: st}, now
}

func load(b *testing.B, db *sql.DB, head string, n int, row func(int) string) {
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i += 500 {
		vals := make([]string, 0, 500)
		for j := i; j < min(n, i+500); j++ {
			vals = append(vals, row(j))
		}
		if _, err := tx.Exec(head + strings.Join(vals, ", ")); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSummary measures the Time Sheet Summary over a million
// entries: one month by company, and one company over a year.
func BenchmarkSummary(b *testing.B) {
	svc, now := benchService(b)
	for _, c := range []struct{ name, query string }{
		{"month_by_company", "period=last_month&group=company"},
		{"company_year_by_month", "period=custom&from=2025-06-01&to=2026-05-31&group=month&company=4242"},
		{"company_year_by_ticket", "period=custom&from=2025-06-01&to=2026-05-31&group=ticket&company=4242"},
		{"month_by_agent_open_tickets", "period=last_month&group=agent&status=open"},
		{"month_by_contact", "period=last_month&group=contact"},
	} {
		v, _ := url.ParseQuery(c.query)
		f, err := timesheet.ParseFilters(v, now)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if r, err := svc.Summary(context.Background(), f); err != nil || r.Totals.Entries == 0 {
					b.Fatal(r, err)
				}
			}
		})
	}
}
