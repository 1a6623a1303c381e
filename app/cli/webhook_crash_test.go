package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// importDrainRows is how many rows TestImportDrainSurvivesSIGKILL
// imports: enough for a drain of tens of seconds to kill twice.
const importDrainRows = 30_000

// TestImportDrainSurvivesSIGKILL imports a file with `portico import
// contacts` while `portico serve` delivers its bulk events, and events of
// people's single actions, to two receivers on loopback. It kills both
// processes a third of the way into the import, as a power cut would,
// and the server once more later in the drain, restarting them each
// time. The import ends with exact counts, and each receiver gets every
// event at least once, each contact's and company's in commit order.
func TestImportDrainSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary, imports 30,000 rows and delivers them twice")
	}
	dir, bin := buildPortico(t)
	csv := filepath.Join(dir, "contacts.csv")
	want := crashFile(t, csv, importDrainRows)
	db := filepath.Join(dir, "data", "portico.db")
	hooks := subscribe(t, db, 2)
	const companies = 2000
	seedCompanies(t, db, companies) // interactive events, sent ahead of the import's
	args := serveArgs(db)
	srv := startServe(t, bin, args)
	waitUntil(t, "the companies' webhooks", 3*time.Minute, func() bool { return hooks[1].Distinct() >= companies })
	imp := startImport(t, bin, csv, db)
	waitUntil(t, "a third of the rows imported", 3*time.Minute, func() bool { return importedRows(t, db) >= importDrainRows/3 })
	kill(t, srv, hooks)
	imp.Process.Signal(syscall.SIGKILL)
	if ee := (*exec.ExitError)(nil); errors.As(imp.Wait(), &ee) && ee.ExitCode() == -1 {
		t.Log("the import was killed too; run again, it resumes")
		imp = startImport(t, bin, csv, db)
	} else {
		t.Log("the import had ended before the kill")
	}
	srv = startServe(t, bin, args)
	renameSome(t, db, 50) // while many of the import's events still wait
	waitUntil(t, "more webhooks", 3*time.Minute, func() bool { return hooks[1].Distinct() >= importDrainRows*2/3 })
	kill(t, srv, hooks)
	importEnded(t, imp, db, want)
	deliverAll(t, db, startServe(t, bin, args), hooks)
}

// startImport runs `portico import contacts` on csv in the background;
// run again after a crash, it resumes the import.
func startImport(t *testing.T, bin, csv, db string) *exec.Cmd {
	cmd := exec.Command(bin, "import", "contacts", csv, "--db", db, "--job-lease", "1s", "--log-level", "error")
	cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// importedRows is how many rows the import has committed so far.
func importedRows(t *testing.T, db string) int {
	// Opening the store writes (it checks the migrations): while the
	// import and the server write at full speed that can time out, and
	// the next poll asks again.
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Logf("reading the import's progress: %v", err)
		return 0
	}
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil {
		return 0 // not started yet
	}
	return im.Rows()
}

// importEnded waits for the import, if it still runs, and checks it
// ended with the counts its file must give. The file has failing rows,
// so it exits 1.
func importEnded(t *testing.T, cmd *exec.Cmd, db string, want model.ImportCounts) {
	if cmd.ProcessState == nil {
		cmd.Wait()
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("import: exit status %d, want 1 for the failed rows\n%s", code, cmd.Stderr)
	}
	st := openDB(t, db)
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil || im.State != model.JobDone || im.ImportCounts != want {
		t.Fatalf("import %+v (%v), want done with %+v", im, err, want)
	}
}

// seedCompanies creates n companies one by one, as agents do.
func seedCompanies(t *testing.T, db string, n int) {
	st := openDB(t, db)
	defer st.Close()
	for i := range n {
		if _, err := st.CreateCompany(context.Background(), model.Actor{Name: "Seed"}, model.CompanyFields{Name: fmt.Sprintf("Seed %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
}

// renameSome renames n contacts spread over the ids there are, one by
// one, as an agent does: interactive events about contacts whose bulk
// events may still wait, which must not overtake them.
func renameSome(t *testing.T, db string, n int) {
	st := openDB(t, db)
	defer st.Close()
	v, err := st.ViewCounts(context.Background())
	if err != nil || v.All < n {
		t.Fatalf("%d contacts to rename (%v), want at least %d", v.All, err, n)
	}
	for i := range n {
		id := int64(1 + i*v.All/n)
		if err := st.UpdateContact(context.Background(), model.Actor{Name: "Ann"}, id, model.ContactFields{Name: fmt.Sprintf("Renamed %d", id)}); err != nil {
			t.Fatal(err)
		}
	}
}
