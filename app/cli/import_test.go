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
	if code != 0 || !strings.Contains(out, "Imported 1 row: 1 created, 0 updated, 0 skipped, 0 failed.") {
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

// TestImportAndExportCommandsExplain checks what the commands say when
// they are asked for help or given a file or folder that is not there.
func TestImportAndExportCommandsExplain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	for _, args := range [][]string{{"export", "--help"}, {"export", "contacts", "--help"}, {"import", "contacts", "--help"}, {"import", "--help"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "-db string") || strings.Contains(out, "-login-rate") || strings.Contains(out, "-smtp-url") {
			t.Errorf("%q: exit %d, %s", args, code, out)
		}
	}
	if _, out, _ := run(t, "", "export", "--help"); !strings.Contains(out, "-no-neutralise") {
		t.Errorf("export --help lists no export flag: %s", out)
	}
	missing := filepath.Join(dir, "nonexist.csv")
	if code, _, errs := run(t, "", "import", "contacts", missing, "--db", db); code != 1 || errs != "portico import: there is no file "+missing+"\n" {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	out := filepath.Join(dir, "nope", "x.csv")
	if code, _, errs := run(t, "", "export", "contacts", "--db", db, "-o", out); code != 1 || !strings.Contains(errs, "the folder "+filepath.Dir(out)+" does not exist") {
		t.Errorf("missing folder: exit %d, %q", code, errs)
	}
}

// TestImportSendsActivationAsAsked takes --send-activation when given and
// the admin switch otherwise.
func TestImportSendsActivationAsAsked(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	csv := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(csv, []byte("Name,Email\nAnn Lee,ann@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetActivationAuto(ctx, model.Actor{Name: "Test"}, true); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		flags []string
		want  bool
	}{{nil, true}, {[]string{"--send-activation=false"}, false}, {[]string{"--send-activation", "--dry-run"}, true}} {
		args := append([]string{"import", "contacts", csv, "--db", db, "--log-level", "error"}, tc.flags...)
		if code, out, errs := run(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d, %q, %q", tc.flags, code, out, errs)
		}
		if im, err := st.Import(ctx, int64(i+1)); err != nil || im.SendActivation != tc.want {
			t.Errorf("%q: send activation %v, %v; want %v", tc.flags, im.SendActivation, err, tc.want)
		}
	}
}
