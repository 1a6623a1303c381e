package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []store.NewContact{
		{Fields: model.ContactFields{Name: "Ann Lee", Phone: "+1 555 0101"}, Emails: []string{"ann@example.com"}},
		{Fields: model.ContactFields{Name: "김민준"}, Emails: []string{"minjun@example.com"}, State: model.StateBlocked},
	} {
		if _, err := st.CreateContact(context.Background(), model.Actor{Name: "Test"}, c); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	out := filepath.Join(dir, "out.csv")
	code, stdout, errs := run(t, "", "export", "contacts", "--db", db, "-o", out, "--fields", "name,phone")
	if code != 0 || !strings.Contains(stdout, "Exported 2 contacts to "+out) || !strings.Contains(errs, "2 of 2 contacts") {
		t.Fatalf("exit %d, out %q, err %q", code, stdout, errs)
	}
	if b, _ := os.ReadFile(out); string(b) != "\uFEFFName,Phone\nAnn Lee,'+1 555 0101\n김민준,\n" {
		t.Errorf("file %q", b)
	}
	code, _, _ = run(t, "", "export", "contacts", "--db", db, "-o", out, "--fields", "name,phone", "--bom=false", "--no-neutralise", "--view", "verified")
	if b, _ := os.ReadFile(out); code != 0 || string(b) != "Name,Phone\n" {
		t.Errorf("exit %d, file %q: want only the header, as no contact is verified", code, b)
	}
	for _, args := range [][]string{
		{"export", "contacts", "--db", db},
		{"export", "contacts", "--db", db, "-o", out, "--format", "pdf"},
		{"export", "contacts", "--db", db, "-o", out, "--fields", "password"},
		{"export", "companies", "--db", db, "-o", out},
	} {
		if code, _, errs := run(t, "", args...); code == 0 || errs == "" {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
}
