package bulk_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// env is a store on a fresh file, its clock and the service.
type env struct {
	t    testing.TB
	st   *store.Store
	path string
	svc  *bulk.Service
}

var ann = model.Actor{Name: "Ann Agent"}

func newEnv(t testing.TB) *env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "b.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = storetest.NewClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)).Now
	return &env{t: t, st: st, path: path, svc: &bulk.Service{Store: st, Contacts: &contact.Service{Store: st}}}
}

// contact creates a contact with tags.
func (e *env) contact(name string, tags ...string) int64 {
	e.t.Helper()
	id, err := e.st.CreateContact(context.Background(), ann, store.NewContact{Fields: model.ContactFields{Name: name}, Tags: tags})
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

func (e *env) company(name string) int64 {
	e.t.Helper()
	id, err := e.st.CreateCompany(context.Background(), ann, model.CompanyFields{Name: name})
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

// count runs a counting query on the database file.
func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.path+"?mode=ro")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// runJobs runs bulk jobs until the test ends.
func (e *env) runJobs() {
	r := jobs.NewRunner(e.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.Poll = 5 * time.Millisecond
	bulk.Register(r, e.svc)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	e.t.Cleanup(func() { cancel(); <-done })
}

func (e *env) waitJob(id int64) *model.Job {
	e.t.Helper()
	var j *model.Job
	testkit.Eventually(e.t, 30*time.Second, func() bool {
		var err error
		if j, err = e.st.Job(context.Background(), id); err != nil {
			e.t.Fatal(err)
		}
		return j.State.Finished()
	}, "job %d did not finish", id)
	return j
}
