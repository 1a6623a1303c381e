package exports_test

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

func (e *env) deps() exports.Deps {
	return exports.Deps{Store: e.st, FilesDir: e.dir, Log: e.log, BaseURL: "https://portico.example",
		Mailer: &mail.Mailer{Store: e.st, Templates: &mail.Templates{Store: e.st}}}
}

func (e *env) agent(t *testing.T, name, email string) *model.Agent {
	t.Helper()
	a, err := e.st.CreateAgent(context.Background(), name, email, model.RoleAgent, "x", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// run runs the jobs runner until the export finishes.
func (e *env) run(t *testing.T, d exports.Deps, id int64) *model.Export {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := jobs.NewRunner(e.st, e.log)
	r.Poll, r.Workers = 5*time.Millisecond, 1
	exports.Register(r, d)
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	var x *model.Export
	testkit.Eventually(t, time.Minute, func() bool {
		var err error
		if x, err = e.st.Export(ctx, id); err != nil {
			t.Fatal(err)
		}
		return x.Finished()
	}, "the export did not finish")
	return x
}

// TestExportJob runs an export in the background: the file is written,
// its agent is emailed a link, only they can see it, and seven days
// later the sweep deletes the file.
func TestExportJob(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	ann, bob := e.agent(t, "Ann Agent", "ann@portico.example"), e.agent(t, "Bob Agent", "bob@portico.example")
	d := e.deps()
	p := exports.Params{Spec: exports.Spec{Format: exports.FormatCSV, Fields: []string{"name", "emails"}, Neutralise: true,
		Query: model.ContactQuery{View: model.StateUnverified}}, Scope: "Unverified"}
	id, err := exports.Start(context.Background(), d, ann, p)
	if err != nil {
		t.Fatal(err)
	}
	x := e.run(t, d, id)
	if x.State != model.ExportDone || x.RowsDone != 2 || x.RowsTotal != 2 || x.Scope != "Unverified" {
		t.Fatalf("export %+v, want done with 2 rows", x)
	}
	b, err := os.ReadFile(x.Path)
	if err != nil || int64(len(b)) != x.Size || !strings.HasPrefix(string(b), "Name,Email,Email 2\n김민준,") {
		t.Fatalf("file %q (%v), size %d", b, err, x.Size)
	}
	if want := e.clk.Now().Add(7 * 24 * time.Hour); x.ExpiresAt == nil || !x.ExpiresAt.Equal(want) {
		t.Errorf("expires %v, want %v", x.ExpiresAt, want)
	}
	mails, err := e.st.ListEmails(context.Background(), model.MailQuery{Search: "ann@portico.example"})
	if err != nil || len(mails.Mails) != 1 {
		t.Fatalf("%v, %v: want one email to Ann", mails, err)
	}
	m := mails.Mails[0]
	if link := "https://portico.example/contacts/exports/" + itoa(id) + "/download"; m.Template != mail.KeyExportReady ||
		!strings.Contains(m.Text, link) || !strings.Contains(m.HTML, link) || !strings.Contains(m.Text, "Hi Ann Agent") {
		t.Errorf("email %q: %s", m.Subject, m.Text)
	}
	// The email tells this export from another: its list, size, format and time.
	created := x.CreatedAt.UTC().Format("2 Jan 2006 15:04 UTC")
	if m.Subject != "Your contact export is ready: Unverified (2 contacts, CSV)" ||
		!strings.Contains(m.Text, "List:      Unverified\nContacts:  2 contacts\nFormat:    CSV\nAsked for: "+created) ||
		!strings.Contains(m.HTML, "<td>2 contacts</td>") || !strings.Contains(m.HTML, "<td>"+created+"</td>") {
		t.Errorf("email %q:\n%s\n%s", m.Subject, m.Text, m.HTML)
	}
	if _, err := exports.Get(context.Background(), d, bob, id); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("another agent's Get: %v, want not found", err)
	}

	e.clk.Advance(7*24*time.Hour - time.Second)
	if n, err := exports.Sweep(context.Background(), d); n != 0 || err != nil {
		t.Fatalf("a sweep before the expiry expired %d (%v)", n, err)
	}
	e.clk.Advance(time.Second)
	if x, _ := e.st.Export(context.Background(), id); x.StateAt(e.clk.Now()) != model.ExportExpired {
		t.Errorf("at its expiry the export shows %s", x.StateAt(e.clk.Now()))
	}
	if n, err := exports.Sweep(context.Background(), d); n != 1 || err != nil {
		t.Fatalf("sweep expired %d (%v), want 1", n, err)
	}
	if _, err := os.Stat(x.Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the expired file is still there: %v", err)
	}
	if x, _ := e.st.Export(context.Background(), id); x.State != model.ExportExpired || x.Path != "" {
		t.Errorf("after the sweep: %s %q", x.State, x.Path)
	}
}

// TestExportRefusals: an export without fields or in an unknown format
// is refused with a reason before anything is queued.
func TestExportRefusals(t *testing.T) {
	e := newEnv(t)
	a := e.agent(t, "Ann Agent", "ann@portico.example")
	for _, p := range []exports.Params{
		{Spec: exports.Spec{Format: exports.FormatCSV}},
		{Spec: exports.Spec{Format: "pdf", Fields: []string{"name"}}},
	} {
		var ve *model.ValidationError
		if _, err := exports.Start(context.Background(), e.deps(), a, p); !errors.As(err, &ve) {
			t.Errorf("Start(%+v) = %v, want a validation error", p.Spec, err)
		}
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
