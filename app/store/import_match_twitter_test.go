package store_test

import (
	"context"
	"testing"
)

// TestImportsMatchByHandleRebuild applies migration 81, which rebuilds
// the imports tables so a contacts import can match by X handle, a
// second time over existing imports with failed rows, an activation list
// and a draft pointing at its dry run: every row survives, ids go on
// where they were, and deleting an import still cascades.
func TestImportsMatchByHandleRebuild(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	at := "2026-03-01 09:00:00"
	mgExec(t, raw, `INSERT INTO agents (id, name, email, email_norm, role, created_at, updated_at) VALUES (1, 'Ann', 'a@x.example', 'a@x.example', 'admin', $1, $1)`, at)
	mgExec(t, raw, `INSERT INTO contacts (id, name, sort_name, created_at, updated_at) VALUES (5, 'Bo', 'bo', $1, $1)`, at)
	mgExec(t, raw, `INSERT INTO imports (id, filename, match_by, created_at) VALUES (7, 'a.csv', 'phone', $1), (9, 'b.csv', 'email', $1)`, at)
	mgExec(t, raw, `DELETE FROM imports WHERE id = 9`)
	mgExec(t, raw, `INSERT INTO import_failures (import_id, row_no, reason) VALUES (7, 3, 'bad')`)
	mgExec(t, raw, `INSERT INTO import_activations (import_id, contact_id) VALUES (7, 5)`)
	mgExec(t, raw, `INSERT INTO import_drafts (id, created_by, filename, path, match_by, dry_run_id, created_at, updated_at)
		VALUES (4, 1, 'a.csv', 'p', 'external_id', 7, $1, $1)`, at)
	mgExec(t, raw, `DELETE FROM schema_migrations WHERE version = 81`)
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var match, draftMatch string
	var failures, activations, dryRun int
	err := raw.QueryRow(`SELECT (SELECT match_by FROM imports WHERE id = 7), (SELECT count(*) FROM import_failures),
		(SELECT count(*) FROM import_activations), (SELECT match_by FROM import_drafts WHERE id = 4),
		(SELECT dry_run_id FROM import_drafts WHERE id = 4)`).Scan(&match, &failures, &activations, &draftMatch, &dryRun)
	if err != nil || match != "phone" || failures != 1 || activations != 1 || draftMatch != "external_id" || dryRun != 7 {
		t.Fatalf("after the rebuild: %s %d %d %s %d, %v", match, failures, activations, draftMatch, dryRun, err)
	}
	mgExec(t, raw, `INSERT INTO imports (filename, match_by, created_at) VALUES ('c.csv', 'twitter_id', $1)`, at)
	mgExec(t, raw, `INSERT INTO import_drafts (created_by, filename, path, match_by, created_at, updated_at) VALUES (1, 'c.csv', 'p', 'twitter_id', $1, $1)`, at)
	var next int
	raw.QueryRow(`SELECT id FROM imports WHERE filename = 'c.csv'`).Scan(&next)
	if next != 10 {
		t.Errorf("the next import is %d, want 10: an id was reused", next)
	}
	if _, err := raw.Exec(`INSERT INTO imports (filename, match_by, created_at) VALUES ('x', 'bogus', $1)`, at); err == nil {
		t.Error("a match_by outside the list was accepted")
	}
	mgExec(t, raw, `DELETE FROM imports WHERE id = 7`)
	raw.QueryRow(`SELECT (SELECT count(*) FROM import_failures) + (SELECT count(*) FROM import_activations)`).Scan(&failures)
	raw.QueryRow(`SELECT coalesce(dry_run_id, 0) FROM import_drafts WHERE id = 4`).Scan(&dryRun)
	if failures != 0 || dryRun != 0 {
		t.Errorf("deleting the import left %d rows behind and the draft's dry run at %d", failures, dryRun)
	}
}
