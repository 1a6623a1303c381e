package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	// The plain driver, for a second connection that bulk-loads rows no
	// store method writes in bulk.
	_ "github.com/mattn/go-sqlite3"
)

// SeedTickets adds n tickets to the database at path, which no store
// may hold open (it is written without a journal), and whose first
// contacts ids 1..contacts exist, in one statement: requesters and their
// default companies cycle through the contacts, a tenth of the tickets
// are open, a tenth pending, a fifth resolved and the rest closed, each
// of agents ids 1..agents is assigned a share (a sixth stay unassigned),
// and updates spread over 30 days after creation. The subject search
// index is filled by its trigger, as in use. It returns how long it took.
func SeedTickets(ctx context.Context, path string, n, contacts, agents int) (time.Duration, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=10000")
	if err != nil {
		return 0, fmt.Errorf("storetest: open %s: %w", path, err)
	}
	defer db.Close()
	start := time.Now()
	for _, q := range []string{`PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	_, err = db.ExecContext(ctx, `INSERT INTO tickets (contact_id, company_id, subject, description, status, assignee_id,
			created_at, updated_at, submitted_signed_in)
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
		SELECT c.id, c.company_id,
			CASE i % 7 WHEN 0 THEN 'Printer jammed again' WHEN 1 THEN 'Invoice for March is missing'
				WHEN 2 THEN 'Cannot sign in to the portal' WHEN 3 THEN 'Refund for order ' || i
				WHEN 4 THEN 'Delivery late' WHEN 5 THEN 'Password reset email never arrived' ELSE 'Question about pricing' END,
			'Seeded ticket ' || i,
			CASE WHEN i % 10 = 0 THEN 'open' WHEN i % 10 = 1 THEN 'pending' WHEN i % 10 IN (2, 3) THEN 'resolved' ELSE 'closed' END,
			CASE WHEN i % ($2 + 1) = 0 THEN NULL ELSE i % ($2 + 1) END,
			strftime('%Y-%m-%d %H:%M:%S', 1700000000 + i * 60, 'unixepoch') || '+00:00',
			strftime('%Y-%m-%d %H:%M:%S', 1700000000 + i * 60 + (i * 7919) % 2592000, 'unixepoch') || '+00:00',
			TRUE
		FROM n JOIN contacts c ON c.id = 1 + (i * 7) % $3`, n, agents, contacts)
	if err != nil {
		return 0, fmt.Errorf("storetest: seed tickets: %w", err)
	}
	for _, q := range []string{`PRAGMA journal_mode = WAL`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}
