package exports_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// sqliteCSV is what the sqlite3 shell writes for the same columns as an
// export of the default fields: addresses, companies and tags read by
// correlated subqueries, as the shell has no other way to.
const sqliteCSV = `SELECT c.name,
	(SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id AND e.is_primary),
	(SELECT group_concat(e.email, ',') FROM contact_emails e WHERE e.contact_id = c.id AND NOT e.is_primary),
	c.phone, c.mobile, c.job_title,
	(SELECT co.name FROM companies co WHERE co.id = c.company_id),
	(SELECT group_concat(co.name, '; ') FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
		WHERE cc.contact_id = c.id AND cc.company_id IS NOT c.company_id),
	(SELECT group_concat(t.name, ', ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id),
	c.state, c.external_id, c.created_at, c.updated_at
FROM contacts c WHERE c.state <> 'deleted' ORDER BY c.id`

// BenchmarkExport1M exports a million contacts with the default fields
// to CSV and reports it beside the sqlite3 shell's CSV output of the same
// columns from the same file, measured in the same run.
func BenchmarkExport1M(b *testing.B) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("the sqlite3 shell is not installed (apt-get install sqlite3); it is the yardstick of this benchmark")
	}
	config.TuneGC() // as every portico command does
	ctx := context.Background()
	dir := b.TempDir()
	db := filepath.Join(dir, "portico.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := storetest.Seed(ctx, st, 1_000_000); err != nil {
		b.Fatal(err)
	}
	shell := timeShell(b, sqlite, db, filepath.Join(dir, "sqlite.csv"))
	spec := exports.Spec{Format: exports.FormatCSV, Fields: exports.DefaultFields(), Neutralise: true}
	out := filepath.Join(dir, "export.csv")
	rows := 0
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if rows, err = exports.Write(ctx, st, spec, f, nil); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	per := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(rows)/per, "rows/s")
	b.ReportMetric(shell.Seconds(), "sqlite3-s")
	b.ReportMetric(per/shell.Seconds(), "x-sqlite3")
}

// timeShell runs the sqlite3 shell's CSV output into out and times it.
func timeShell(b *testing.B, sqlite, db, out string) time.Duration {
	b.Helper()
	f, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(sqlite, "-csv", "-readonly", db, sqliteCSV)
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &msg
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("sqlite3: %v: %s", err, msg.String())
	}
	return time.Since(start)
}
