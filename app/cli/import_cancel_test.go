package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportCommandSaysHowFarACancelledImportGot resumes an import that
// someone cancelled on its page while its worker was gone: the command
// takes it up, sees the cancel after its first batch, and says how far it
// got, what it never reached and where its held emails can be sent from,
// with one error line naming the import, and exits 1.
func TestImportCommandSaysHowFarACancelledImportGot(t *testing.T) {
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "p.db"), filepath.Join(dir, "big.csv")
	lines := []string{"Name,Email"}
	for i := range 5000 {
		lines = append(lines, fmt.Sprintf("Person %d,person%d@example.com", i, i))
	}
	if err := os.WriteFile(csv, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	startCancelledByADeadWorker(t, db, dir, csv)
	code, out, errs := run(t, "", "import", "contacts", csv, "--db", db, "--files", dir, "--log-level", "error",
		"--base-url", "https://portico.example.com/")
	want := "Cancelled after 2,000 of 5,000 rows: 2,000 created, 0 updated, 0 skipped, 0 failed. " +
		"The other 3,000 rows were not imported.\n" +
		"2,000 contacts created by this import were not sent the activation email, because the import was cancelled. " +
		"To send it, open the import's page in Portico: https://portico.example.com/contacts/imports/1\n"
	if code != 1 || out != want || !strings.HasSuffix(errs, "\nportico import: import 1 was cancelled\n") {
		t.Errorf("exit %d\nout %q\nwant %q\nerr %q", code, out, want, errs)
	}
}

// startCancelledByADeadWorker starts an import of csv that a worker took
// up and was asked to cancel, and whose worker then died: its lease ran
// out an hour ago.
func startCancelledByADeadWorker(t *testing.T, db, dir, csv string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return time.Now().Add(-time.Hour) }
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d := imports.Deps{Store: st, FilesDir: dir, Log: log}
	pre, err := imports.Prepare(csv, filepath.Base(csv), d.Limits)
	if err != nil {
		t.Fatal(err)
	}
	p := imports.Params{Kind: imports.KindContacts, Path: csv, Filename: filepath.Base(csv), Dialect: pre.Dialect, SendActivation: true}
	if _, err := imports.Start(ctx, d, jobs.NewRunner(st, log), model.Actor{Name: "Test"}, p); err != nil {
		t.Fatal(err)
	}
	j, err := st.ClaimJob(ctx, "dead", []string{imports.JobKind}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CancelJob(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
}

// TestImportCommandWordsHowFar: an import stopped before any row never
// claims rows were imported, and a failure without a reason leaves no
// dangling colon.
func TestImportCommandWordsHowFar(t *testing.T) {
	for _, tc := range []struct {
		im   model.Import
		want string
	}{
		{model.Import{RowsTotal: 50000}, "Cancelled before any row was imported: 0 of 50,000 rows."},
		{model.Import{}, "Cancelled before any row was imported."},
		{model.Import{RowsTotal: 3, ImportCounts: model.ImportCounts{Created: 1, Skipped: 1}},
			"Cancelled after 2 of 3 rows: 1 created, 0 updated, 1 skipped, 0 failed. The other row was not imported."},
		{model.Import{RowsTotal: 1200, ImportCounts: model.ImportCounts{Updated: 1200}},
			"Cancelled after 1,200 of 1,200 rows: 0 created, 1,200 updated, 0 skipped, 0 failed."},
	} {
		if got := howFar("Cancelled", &tc.im); got != tc.want {
			t.Errorf("said %q, want %q", got, tc.want)
		}
	}
	e := &env{stdout: io.Discard, cfg: &config.Config{}}
	err := stopped(context.Background(), e, imports.Deps{}, &model.Import{ID: 7, State: model.JobFailed})
	if err == nil || err.Error() != "import 7 failed" {
		t.Errorf("error %v, want one without a dangling colon", err)
	}
}
