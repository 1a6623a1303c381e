package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/store"
)

// TestImportMapOverridesOneColumn maps one column with --map and skips
// another: the other columns keep their suggested fields.
func TestImportMapOverridesOneColumn(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	csv := filepath.Join(dir, "readme.csv")
	if err := os.WriteFile(csv, []byte("Name,E-mail,Notes\nAnn Lee,ann@example.com,VIP\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "import", "contacts", csv, "--db", db, "--log-level", "error",
		"--map", "E-mail=email", "--map", "Notes=skip", "--mode", "upsert", "--match", "email")
	if code != 0 || !strings.Contains(out, "1 created, 0 updated, 0 skipped, 0 failed.") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Contact(context.Background(), 1)
	if err != nil || c.Name != "Ann Lee" || c.About != "" {
		t.Errorf("contact %+v, %v: want Ann Lee without the skipped notes", c, err)
	}
	code, _, errs = run(t, "", "import", "contacts", csv, "--db", db, "--map", "Notes=bogus")
	if code != 1 || !strings.Contains(errs, `unknown field "bogus"; use skip or one of name,`) {
		t.Errorf("unknown field: exit %d, %q", code, errs)
	}
}
