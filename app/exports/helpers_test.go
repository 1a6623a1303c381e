package exports_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// env is a store on a fresh SQLite file with a movable clock.
type env struct {
	st  *store.Store
	clk *storetest.Clock
	dir string
	log *slog.Logger
}

var actor = model.Actor{Name: "Test"}

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
	return &env{st: st, clk: clk, dir: dir, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// company creates a company with email domains and returns its id.
func (e *env) company(t testing.TB, name string, domains ...string) int64 {
	t.Helper()
	id, err := e.st.CreateCompany(context.Background(), actor, model.CompanyFields{Name: name, Domains: domains})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// contact creates a contact as the contact form would, after checking
// its input the same way.
func (e *env) contact(t testing.TB, in contact.Input, state model.State, companies ...int64) int64 {
	t.Helper()
	f, emails, tags, err := in.Validate()
	if err != nil {
		t.Fatalf("%s: %v", in.Name, err)
	}
	id, err := e.st.CreateContact(context.Background(), actor,
		store.NewContact{Fields: f, Emails: emails, Tags: tags, State: state, Companies: companies})
	if err != nil {
		t.Fatalf("%s: %v", in.Name, err)
	}
	return id
}

// sample is a small, awkward address book: secondary addresses, several
// companies, tags, Korean names, phones starting with +, a name and an
// about that a spreadsheet would run as formulas, an X handle, a postal
// address over two lines, a contact seeing all its company's tickets,
// and every state.
func (e *env) sample(t testing.TB) {
	t.Helper()
	acme := e.company(t, "Acme Corp", "acme.example")
	hooli := e.company(t, "Hooli", "hooli.example")
	e.company(t, "Initech", "initech.example")
	ann := e.contact(t, contact.Input{Name: "Ann Lee", Emails: []string{"ann@acme.example", "ann.lee@gmail.com", "ann@hooli.example"},
		Phone: "+1 555 0101", Mobile: "-5 55", JobTitle: "CTO", Tags: "VIP, Beta", ExternalID: "A-1", TwitterID: "@Ann_Lee",
		Address: "Friedrichstraße 1,\r\n10117 Berlin", Language: "en", TimeZone: "Europe/Berlin",
		About: "Met at \"Expo\", 2024;\r\nlikes CSV, commas"}, model.StateVerified, hooli)
	if err := e.st.SetViewAllTickets(context.Background(), actor, ann, hooli, true); err != nil {
		t.Fatal(err)
	}
	e.contact(t, contact.Input{Name: "김민준", Emails: []string{"minjun@hooli.example"}, Phone: "+82 10-1234-5678",
		Tags: "고객", About: "@mention me"}, model.StateUnverified)
	e.contact(t, contact.Input{Name: "=HYPERLINK(\"http://x.example\")", Emails: []string{"formula@example.com"},
		JobTitle: "+Sales", Tags: "danger"}, model.StateBlocked)
	e.contact(t, contact.Input{Name: "이서연", Emails: []string{"seoyeon@acme.example", "sy@naver.com"},
		Mobile: "010-9876-5432", ExternalID: "0042"}, model.StateUnverified, acme)
	e.contact(t, contact.Input{Name: "Gone Person", Emails: []string{"gone@example.com"}}, model.StateDeleted)
}

// export writes a file for spec and returns its bytes.
func (e *env) export(t testing.TB, spec exports.Spec) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := exports.Write(context.Background(), e.st, spec, &buf, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column returns the cells under a header name, by row.
func column(rows [][]string, name string) []string {
	at := -1
	for i, h := range rows[0] {
		if h == name {
			at = i
		}
	}
	var out []string
	for _, r := range rows[1:] {
		switch {
		case at < 0:
			out = append(out, "<no column "+name+">")
		case at < len(r):
			out = append(out, r[at])
		default:
			out = append(out, "") // a spreadsheet row ends at its last filled cell
		}
	}
	return out
}

func all(fields ...string) exports.Spec {
	if len(fields) == 0 {
		for _, f := range exports.Fields {
			fields = append(fields, f.Key)
		}
	}
	return exports.Spec{Format: exports.FormatCSV, Fields: fields, Neutralise: true}
}

func joined(v []string) string { return strings.Join(v, " | ") }
