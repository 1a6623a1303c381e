package imports

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/store"
)

// floorPart is one part of the writes an import of a file must do, and
// the time the sqlite3 shell takes to do it in plain SQL.
type floorPart struct {
	name string
	sql  []string
	secs float64
}

// floorSteps are the writes of a first import of a contacts file's
// rows lo to hi, each as plain SQL from the file's rows in the table s of
// a database of their own (see readRows): the rows an import of the file
// must write, and nothing else. Each contact gets its row, address,
// company link, search document and "created" audit entry, and each new
// company its row. The contact.created events are in the bulk lane's
// batch rows, which the shell cannot compress, so it copies the import's
// own batch rows from the database p: the least the events can take is
// what they take.
func floorSteps(lo, hi int) []floorPart {
	const now = "'2026-06-01T09:00:00Z'"
	rows := fmt.Sprintf(" s.rowid BETWEEN %d AND %d", lo, hi)
	return []floorPart{
		{name: "companies", sql: []string{
			"INSERT INTO companies (name, name_norm, created_at, updated_at) SELECT DISTINCT company, lower(company), " + now + ", " + now,
			"  FROM s WHERE" + rows + " AND lower(company) NOT IN (SELECT name_norm FROM companies);"}},
		{name: "contacts", sql: []string{
			"INSERT INTO contacts (id, name, sort_name, job_title, phone, company_id, created_at, updated_at)",
			"  SELECT s.rowid, s.name, lower(s.name), s.job_title, s.phone, c.id, " + now + ", " + now,
			"  FROM s JOIN companies c ON c.name_norm = lower(s.company) WHERE" + rows + " ORDER BY s.rowid;"}},
		{name: "addresses", sql: []string{
			"INSERT INTO contact_emails (contact_id, email, email_norm, domain, is_primary, created_at)",
			"  SELECT rowid, email, lower(email), substr(email, instr(email, '@') + 1), 1, " + now,
			"  FROM s WHERE" + rows + " ORDER BY lower(email);"}},
		{name: "links", sql: []string{
			"INSERT INTO contact_companies (contact_id, company_id, created_at) SELECT id, company_id, created_at FROM contacts",
			fmt.Sprintf("  WHERE id BETWEEN %d AND %d;", lo, hi)}},
		{name: "search", sql: []string{
			"INSERT INTO contacts_fts (rowid, doc) SELECT rowid, name || ' ' || email || ' ' || phone || ' ' || company",
			"  FROM s WHERE" + rows + ";"}},
		{name: "audit", sql: []string{
			"INSERT INTO audit_entries (subject_type, subject_id, actor_name, action, changes, created_at)",
			"  SELECT 'contact', rowid, 'Import 1', 'created', '[]', " + now + " FROM s WHERE" + rows + ";"}},
		{name: "events", sql: []string{
			"INSERT INTO events (id, type, payload, lane, entries, batch, first_contact, last_contact, first_company,",
			"  last_company, created_at) SELECT id, type, payload, lane, entries, batch, first_contact, last_contact,",
			fmt.Sprintf("  first_company, last_company, created_at FROM p.events WHERE lane = 'bulk' AND first_contact BETWEEN %d AND %d", lo, hi),
			"  ORDER BY position;"}},
		{name: "commit", sql: []string{"COMMIT;"}},
	}
}

// floorParts times the sqlite3 shell writing csv's n rows into a new
// database with Portico's schema, part by part (see floorSteps), in one
// transaction per batch rows, or in one for them all when batch is 0;
// imported is the database an import of csv filled, whose event batches
// it copies. No program can import the file into this schema faster than
// the shell inserts it, committing as often, so this is the floor to
// measure against.
func floorParts(dir, csv, imported string, n, batch int) ([]floorPart, error) {
	path := filepath.Join(dir, fmt.Sprintf("floor-%d.db", batch))
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return nil, err
	}
	st.Close()
	rows := filepath.Join(dir, "rows.db")
	read, err := readRows(rows, csv)
	if err != nil {
		return nil, err
	}
	if batch <= 0 {
		batch = n
	}
	parts := append([]floorPart{{name: "read", secs: read}}, floorSteps(0, 0)...)
	script := []string{"PRAGMA synchronous=NORMAL;", "PRAGMA cache_size=-65536;", "PRAGMA temp_store=MEMORY;",
		"ATTACH '" + imported + "' AS p;", "ATTACH '" + rows + "' AS r;", ".timer on"}
	for lo := 1; lo <= n; lo += batch {
		script = append(script, "BEGIN;")
		for _, p := range floorSteps(lo, lo+batch-1) {
			script = append(script, ".print part "+p.name)
			script = append(script, p.sql...)
		}
	}
	cmd := exec.Command("sqlite3", path)
	cmd.Stdin = strings.NewReader(strings.Join(script, "\n") + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, out)
	}
	return parts, addTimes(parts, string(out))
}

// readRows times the shell reading csv into the table s of a new
// database at path, as the floor's first part.
func readRows(path, csv string) (float64, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	cmd := exec.Command("sqlite3", path)
	cmd.Stdin = strings.NewReader(strings.Join([]string{"PRAGMA journal_mode=OFF;", "PRAGMA synchronous=OFF;",
		"CREATE TABLE s (name TEXT, email TEXT, phone TEXT, company TEXT, job_title TEXT);",
		".mode csv", ".import --skip 1 " + csv + " s", ""}, "\n"))
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > len("off\n") {
		return 0, fmt.Errorf("read %s: %v: %s", csv, err, out)
	}
	return time.Since(start).Seconds(), nil
}

// addTimes adds up, for each part, the real time the shell's timer gave
// each of its statements.
func addTimes(parts []floorPart, out string) error {
	at := partIndex(parts, "commit") // BEGIN
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "part "); ok {
			at = partIndex(parts, name)
			continue
		}
		f := strings.Fields(line)
		if len(f) >= 4 && f[0] == "Run" && f[2] == "real" && at >= 0 {
			secs, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				return fmt.Errorf("timer line %q: %w", line, err)
			}
			parts[at].secs += secs
			continue
		}
		return fmt.Errorf("sqlite3 shell: %s", line)
	}
	return nil
}

func partIndex(parts []floorPart, name string) int {
	for i, p := range parts {
		if p.name == name {
			return i
		}
	}
	return -1
}

func floorTotal(parts []floorPart) float64 {
	var sum float64
	for _, p := range parts {
		sum += p.secs
	}
	return sum
}

// reportFloor reports each part's seconds, the floor's total and how many
// times the floor the import took, each metric's name starting with name.
func reportFloor(b *testing.B, name string, parts []floorPart, importSecs float64) {
	for _, p := range parts {
		b.ReportMetric(p.secs, name+"-"+p.name+"-s")
	}
	total := floorTotal(parts)
	b.ReportMetric(total, name+"-s")
	b.ReportMetric(importSecs/total, "x-"+name)
}
