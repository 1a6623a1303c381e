package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// crashFile writes n rows; every 40th repeats the address of the row 20
// before it with another title, every 97th has a bad address. It returns
// the counts an import of it must end with.
func crashFile(t *testing.T, path string, n int) model.ImportCounts {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Name,Email,Phone,Company,Job Title")
	var want model.ImportCounts
	made := map[string]bool{}
	for i := range n {
		email := fmt.Sprintf("user%d@example.com", i)
		if i%40 == 39 {
			email = fmt.Sprintf("user%d@example.com", i-20)
		}
		if i%97 == 0 {
			email = fmt.Sprintf("user%d.example.com", i)
		}
		fmt.Fprintf(w, "User %d,%s,+1 555 %07d,Company %d,Title %d\n", i, email, i, i%500, i)
		switch {
		case i%97 == 0:
			want.Failed++
		case made[email]:
			want.Updated++
		default:
			want.Created++
			made[email] = true
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return want
}

// TestImportSurvivesSIGKILL kills `portico import contacts` at random
// moments while it imports 200,000 rows, restarts it each time, and
// checks that the import ends with exact counts and no duplicate.
func TestImportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports 200,000 rows")
	}
	dir, bin := buildPortico(t)
	csv := filepath.Join(dir, "contacts.csv")
	want := crashFile(t, csv, 200_000)
	db := filepath.Join(dir, "data", "portico.db")
	args := []string{"import", "contacts", csv, "--db", db, "--job-lease", "1s", "--log-level", "error"}
	for kill := 0; kill < 6; kill++ {
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(300+rand.IntN(2500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		time.Sleep(1500 * time.Millisecond) // the dead worker's lease runs out
	}
	// The file has failing rows, so the import exits 1 once it is done.
	out, err := exec.Command(bin, args...).CombinedOutput()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(string(out), "rows failed") {
		t.Fatalf("final run: %v, want exit status 1 for the failed rows\n%s", err, out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	im, err := st.Import(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if im.State != model.JobDone || im.ImportCounts != want {
		t.Errorf("import %s with %+v, want %+v", im.State, im.ImportCounts, want)
	}
	v, err := st.ViewCounts(context.Background())
	if err != nil || v.All != want.Created {
		t.Errorf("%d contacts (err %v), want %d", v.All, err, want.Created)
	}
	if ims, _ := st.Imports(context.Background(), "contacts", 10); len(ims) != 1 {
		t.Errorf("%d imports, want the one resumed each time", len(ims))
	}
}
