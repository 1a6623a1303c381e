package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
)

// TestForgotDoesTheSameWorkForAnyAddress asks for a link for a verified,
// an unverified and an unknown address and counts the rows of every
// table each request changed: the same single queued job each time,
// nothing else, so no timing tells the addresses apart. Only once the
// job has run does the known address get its email.
func TestForgotDoesTheSameWorkForAnyAddress(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.activated(admin, "Han Ji-min", "jimin@example.com", "corn flakes at noon")
	ts.createContact("Kang Da-eun", "daeun@example.com")
	before := map[string]int{}
	for _, email := range []string{"jimin@example.com", "daeun@example.com", "nobody@example.com"} {
		before[email] = ts.emailsTo(email)
	}
	var first map[string]int
	for _, email := range []string{"jimin@example.com", "daeun@example.com", "nobody@example.com"} {
		c := ts.client()
		c.get("/portal/forgot")
		rows := ts.tableRows()
		resp, body := c.post("/portal/forgot", url.Values{"email": {email}})
		wantStatus(t, resp, body, http.StatusOK)
		changed := diffRows(rows, ts.tableRows())
		if first == nil {
			first = changed
		}
		if fmt.Sprint(changed) != fmt.Sprint(first) {
			t.Errorf("asking for %s changed %v, for the first address %v", email, changed, first)
		}
	}
	if fmt.Sprint(first) != "map[jobs:1]" {
		t.Errorf("a request wrote %v, want one job", first)
	}
	for email, want := range map[string]int{"jimin@example.com": 1, "daeun@example.com": 1, "nobody@example.com": 0} {
		if got := ts.emailsTo(email) - before[email]; got != want {
			t.Errorf("%s got %d emails, want %d", email, got, want)
		}
	}
	for _, j := range ts.forgotJobs() {
		if j.Kind != activation.ForgotJobKind || j.State != "done" {
			t.Errorf("job %d: %s %s %q", j.ID, j.Kind, j.State, j.Error)
		}
	}
}

// tableRows counts the rows of every table of the server's database,
// read through a connection of its own.
func (ts *testServer) tableRows() map[string]int {
	ts.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+ts.cfg.DBPath+"?mode=ro")
	if err != nil {
		ts.t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
	if err != nil {
		ts.t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	counts := map[string]int{}
	for _, n := range names {
		var c int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&c); err != nil {
			ts.t.Fatalf("count %s: %v", n, err)
		}
		counts[n] = c
	}
	return counts
}

// diffRows is, per table, how many rows were added or removed.
func diffRows(before, after map[string]int) map[string]int {
	d := map[string]int{}
	for n, c := range after {
		if c != before[n] {
			d[n] = c - before[n]
		}
	}
	return d
}

// BenchmarkForgot times "forgot my password" for known and unknown
// addresses through the whole server; both only queue a job, so the two
// timings should match.
func BenchmarkForgot(b *testing.B) {
	const known = 5000
	cfg := config.Default()
	cfg.Addr, cfg.DBPath, cfg.LogLevel, cfg.LoginPerMin = "127.0.0.1:0", filepath.Join(b.TempDir(), "p.db"), "error", 1<<30
	if err := cfg.Validate(); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg.DBPath)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	in := make([]store.NewContact, known)
	for i := range in {
		in[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Person %d", i)}, Emails: []string{fmt.Sprintf("p%d@example.com", i)}}
	}
	if _, err := st.InsertContacts(context.Background(), testActor, in); err != nil {
		b.Fatal(err)
	}
	p, err := app.Wire(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), st, nil)
	if err != nil {
		b.Fatal(err)
	}
	srv := p.Web
	for _, kind := range []string{"known", "unknown"} {
		b.Run(kind, func(b *testing.B) {
			cookie, token := benchVisitor(b, srv)
			for i := 0; b.Loop(); i++ {
				email := fmt.Sprintf("p%d@example.com", i%known) // each known address a few times only: 3 per 10 minutes are answered
				if kind == "unknown" {
					email = fmt.Sprintf("nobody%d@example.com", i)
				}
				form := url.Values{"email": {email}, "_csrf": {token}}
				req := httptest.NewRequest(http.MethodPost, "/portal/forgot", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Cookie", cookie)
				resp, err := srv.App().Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("forgot %s: %v %v", email, resp.StatusCode, err)
				}
			}
		})
	}
}

// benchVisitor opens the form once, for its anonymous cookie and token.
func benchVisitor(b *testing.B, srv *web.Server) (cookie, token string) {
	resp, err := srv.App().Test(httptest.NewRequest(http.MethodGet, "/portal/forgot", nil), -1)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		cookie += ck.Name + "=" + ck.Value + "; "
	}
	return cookie, csrfPattern.FindStringSubmatch(string(body))[1]
}
