package store_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportsRebuildKeepsEverything applies migration 9, which rebuilds
// the imports tables so a companies import can match by name, a second
// time over existing imports: rows, failed rows, ids and the cascade
// survive it.
func TestImportsRebuildKeepsEverything(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	first := model.Import{Kind: "contacts", Filename: "a.csv", Mode: "upsert", Match: "phone", Blank: "clear", Mapping: []string{"A=name"}}
	id, err := st.CreateImport(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	err = st.ImportBatch(ctx, ann, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		return 3, model.ImportCounts{Created: 1, Failed: 1}, b.Fail(ctx, []model.ImportFailure{{Row: 3, Reason: "bad", Cells: []string{"x"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	gone, err := st.CreateImport(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	mgExec(t, raw, `DELETE FROM imports WHERE id = $1`, gone)
	// 56 adds columns to imports, which the rebuild leaves out.
	mgExec(t, raw, `DELETE FROM schema_migrations WHERE version IN (9, 56)`)
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var again int
	raw.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 9`).Scan(&again)
	if again != 1 {
		t.Fatal("migration 9 did not run again")
	}

	im, err := st.Import(ctx, id)
	if err != nil || im.Match != "phone" || im.Blank != "clear" || im.LastRow != 3 || im.Created != 1 || im.Mapping[0] != "A=name" {
		t.Fatalf("import after the rebuild: %+v, %v", im, err)
	}
	var failed []model.ImportFailure
	st.ImportFailures(ctx, id, func(f model.ImportFailure) error { failed = append(failed, f); return nil })
	if len(failed) != 1 || failed[0].Reason != "bad" || failed[0].Cells[0] != "x" {
		t.Errorf("failed rows %+v", failed)
	}
	next, err := st.CreateImport(ctx, model.Import{Kind: "companies", Filename: "c.csv", Mode: "upsert", Match: "name", Blank: "keep"})
	if err != nil || next != gone+1 {
		t.Fatalf("a companies import matching by name: id %d (want %d), %v", next, gone+1, err)
	}
	if _, err := raw.Exec(`INSERT INTO imports (filename, match_by, created_at) VALUES ('x', 'bogus', '2026-01-01')`); err == nil {
		t.Error("a match_by outside the list was accepted")
	}
	mgExec(t, raw, `DELETE FROM imports WHERE id = $1`, id)
	var n int
	raw.QueryRow(`SELECT count(*) FROM import_failures`).Scan(&n)
	if n != 0 {
		t.Errorf("%d failed rows outlived their import", n)
	}
}
