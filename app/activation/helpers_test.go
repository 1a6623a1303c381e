package activation_test

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// env is a store on a fresh file, its movable clock and the service.
type env struct {
	t    testing.TB
	st   *store.Store
	path string
	clk  *storetest.Clock
	svc  *activation.Service
}

var ann = model.Actor{Name: "Ann Agent"}

func newEnv(t testing.TB) *env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := storetest.NewClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	mailer := &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}}
	svc := &activation.Service{Store: st, Mailer: mailer, BaseURL: "https://support.example.com"}
	return &env{t: t, st: st, path: path, clk: clk, svc: svc}
}

func (e *env) contact(name string, emails ...string) int64 {
	e.t.Helper()
	id, err := e.st.CreateContact(context.Background(), ann, store.NewContact{Fields: model.ContactFields{Name: name}, Emails: emails})
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

var linkPattern = regexp.MustCompile(`https://support\.example\.com/portal/(activate|reset)/([A-Za-z0-9_-]+)`)

// lastLink returns the token of the link in the newest email to address,
// and the page it opens.
func (e *env) lastLink(address string) (token, page string) {
	e.t.Helper()
	p, err := e.st.ListEmails(context.Background(), model.MailQuery{Search: address, PerPage: 1, Page: 1})
	if err != nil || len(p.Mails) == 0 {
		e.t.Fatalf("no email to %s: %v", address, err)
	}
	m := linkPattern.FindStringSubmatch(p.Mails[0].Text)
	if m == nil {
		e.t.Fatalf("no link in %q", p.Mails[0].Text)
	}
	return m[2], m[1]
}

// raw opens the database file directly, to look at what is stored.
func (e *env) raw() *sql.DB {
	e.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.path+"?mode=ro")
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { db.Close() })
	return db
}

// runJobs runs the activation jobs until the test ends.
func (e *env) runJobs() {
	r := jobs.NewRunner(e.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.Poll = 5 * time.Millisecond
	activation.Register(r, e.svc)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	e.t.Cleanup(func() { cancel(); <-done })
}

// waitJob waits for a job to finish and returns it.
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

func asValidation(err error, ve **model.ValidationError) bool { return errors.As(err, ve) }
