package imports

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// env is a store on a fresh SQLite file with the engine's dependencies.
type env struct {
	st  *store.Store
	clk *storetest.Clock
	d   Deps
	dir string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dir, "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := storetest.NewClock(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &env{st: st, clk: clk, dir: dir, d: Deps{Store: st, FilesDir: dir, Log: log, BatchSize: 7}}
}

func (e *env) runner() *jobs.Runner {
	r := jobs.NewRunner(e.st, e.d.Log)
	r.Poll, r.Lease, r.Workers = 5*time.Millisecond, 30*time.Second, 1
	Register(r, e.d)
	return r
}

// file writes a CSV of lines into the test's folder.
func (e *env) file(t testing.TB, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(e.dir, name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// start begins an import of path with p's choices and the dialect
// Prepare detects.
func (e *env) start(t testing.TB, r *jobs.Runner, path string, p Params) (int64, error) {
	t.Helper()
	pre, err := Prepare(path, filepath.Base(path), e.d.Limits)
	if err != nil {
		t.Fatal(err)
	}
	p.Path, p.Filename, p.Dialect = path, filepath.Base(path), pre.Dialect
	return Start(context.Background(), e.d, r, model.Actor{Name: "Test"}, p)
}

// importFile runs an import to its end and returns it.
func (e *env) importFile(t testing.TB, path string, p Params) *model.Import {
	t.Helper()
	r := e.runner()
	id, err := e.start(t, r, path, p)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	return e.wait(t, id)
}

// wait polls until the import ends, failing after 60 s in a test and
// 30 minutes in a benchmark.
func (e *env) wait(t testing.TB, id int64) *model.Import {
	t.Helper()
	timeout := 60 * time.Second
	if _, bench := t.(*testing.B); bench {
		timeout = 30 * time.Minute
	}
	var im *model.Import
	testkit.Eventually(t, timeout, func() bool {
		var err error
		if im, err = Get(context.Background(), e.d, id); err != nil {
			t.Fatal(err)
		}
		return im.State.Finished()
	}, "import %d did not finish", id)
	// The job gives its singleton back just after the import's state is
	// written; the next import can start only then.
	testkit.Eventually(t, timeout, func() bool {
		j, err := e.st.Job(context.Background(), im.JobID)
		return im.JobID == 0 || err == nil && j.State != model.JobRunning && j.State != model.JobQueued
	}, "the job of import %d did not finish", id)
	if im.State == model.JobDone && im.Rows() != im.RowsTotal {
		t.Errorf("counts %+v add up to %d, the file has %d rows", im.ImportCounts, im.Rows(), im.RowsTotal)
	}
	return im
}

func wantCounts(t testing.TB, im *model.Import, want model.ImportCounts) {
	t.Helper()
	if im.State != model.JobDone {
		t.Fatalf("import %s: %s", im.State, im.Error)
	}
	if im.ImportCounts != want {
		t.Errorf("counts %+v, want %+v", im.ImportCounts, want)
	}
}

// contactBy returns the contact holding an address.
func (e *env) contactBy(t testing.TB, email string) *model.Contact {
	t.Helper()
	page, err := e.st.ListContacts(context.Background(), model.ContactQuery{View: "", Search: email, PerPage: 50, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	var found []*model.Contact
	for _, lc := range page.Contacts {
		c, err := e.st.Contact(context.Background(), lc.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Emails {
			if strings.EqualFold(a.Address, email) {
				found = append(found, c)
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d contacts hold %s", len(found), email)
	}
	return found[0]
}

func (e *env) countContacts(t testing.TB) int {
	t.Helper()
	v, err := e.st.ViewCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v.All + v.Deleted
}

func rowsCSV(n int, row func(i int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = row(i)
	}
	return out
}
