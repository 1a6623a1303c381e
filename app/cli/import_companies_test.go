package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/store"
)

// TestImportCompaniesCommand runs `portico import companies` on a Korean
// file, then a dry run of it again, which finds nothing left to do.
func TestImportCompaniesCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	csv := filepath.Join(dir, "companies.csv")
	body := "회사명,도메인,업종\n에이콤,acme.co.kr,제조\nFree,gmail.com,\n에이콤,https://www.acme.com/,\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"import", "companies", csv, "--db", db, "--log-level", "error"}
	code, out, errs := run(t, "", args...)
	if code != 1 || !strings.Contains(out, "Imported 3 rows: 1 created, 1 updated, 0 skipped, 1 failed.") || !strings.Contains(errs, "portico import: 1 row failed") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	failed, err := os.ReadFile(filepath.Join(dir, "imports", "1-failed.csv"))
	if err != nil || !strings.Contains(string(failed), "3,도메인: gmail.com is a public email service") {
		t.Errorf("failed rows %q, %v", failed, err)
	}
	code, out, errs = run(t, "", append(args, "--dry-run")...)
	if code != 1 || !strings.Contains(out, "would have 3 rows: 0 created, 0 updated, 2 skipped, 1 failed.") || !strings.Contains(errs, "1 row would fail") {
		t.Fatalf("dry run: exit %d, out %q, err %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.CompanyByName(context.Background(), "에이콤")
	if err != nil {
		t.Fatal(err)
	}
	if co, err := st.Company(context.Background(), id); err != nil || co.Industry != "제조" || !slices.Equal(co.Domains, []string{"acme.co.kr", "acme.com"}) {
		t.Errorf("company %+v, %v", co, err)
	}
	if code, _, errs := run(t, "", append(args, "--match", "email")...); code != 1 || !strings.Contains(errs, "companies are matched by name") {
		t.Errorf("--match email: exit %d, %q", code, errs)
	}
	header := filepath.Join(dir, "header.csv")
	if err := os.WriteFile(header, []byte("회사명,도메인\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", "import", "companies", header, "--db", db); code != 1 || !strings.Contains(errs, "The file has no rows under its header") {
		t.Errorf("header only: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", "import", "tickets", csv); code != 2 || !strings.Contains(errs, "contacts|companies") {
		t.Errorf("import tickets: exit %d, %q", code, errs)
	}
}
