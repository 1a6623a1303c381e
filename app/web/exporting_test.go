package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// finishExports runs the export jobs until export id has finished, as
// the server's runner does.
func (ts *testServer) finishExports(id int64) {
	ts.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(ts.store, log)
	r.Poll, r.Workers = 5*time.Millisecond, 1
	exports.Register(r, exports.Deps{Store: ts.store, FilesDir: ts.t.TempDir(), Log: log, BaseURL: "http://portico.test",
		Mailer: &mail.Mailer{Store: ts.store, Templates: &mail.Templates{Store: ts.store}}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	testkit.Eventually(ts.t, time.Minute, func() bool {
		x, err := ts.store.Export(ctx, id)
		return err == nil && x.Finished()
	}, "export %d did not finish", id)
}

// startExport opens the dialog for a list and starts an export of it.
func startExport(t *testing.T, c *client, list string, form url.Values) int64 {
	t.Helper()
	resp, body := c.get("/contacts/export" + list)
	wantStatus(t, resp, body, http.StatusOK)
	action := strings.ReplaceAll(regexpFind(t, body, `<form method="post" action="(/contacts/exports[^"]*)"`), "&amp;", "&")
	resp, body = c.post(action, form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	return mustID(t, regexpFind(t, resp.Header.Get("Location"), `^/contacts/exports/(\d+)$`))
}

func TestExportFromList(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	acme := ts.createCompany("Acme", "acme.example")
	ts.contactWith("Ann Lee", model.ContactFields{Phone: "+1 555 0101"}, "ann@acme.example", "ann@home.example")
	ts.createContact("Bo Kim", "bo@acme.example")
	ts.createContact("Cy Other", "cy@other.example")

	_, body := c.get("/contacts?company=" + itoa(acme))
	wantContains(t, body, `id="export-link" href="/contacts/export?company=`+itoa(acme)+`"`)
	_, body = c.get("/contacts/export?company=" + itoa(acme))
	wantContains(t, body, "The current list: <strong>company “Acme”</strong></span> <span class=\"count\">2</span>",
		`value="phone" checked`, `value="about" >`, `name="neutralise" value="1" checked`)

	id := startExport(t, c, "?company="+itoa(acme), url.Values{"scope": {"current"}, "fields": {"name", "emails", "phone"},
		"format": {"csv"}, "neutralise": {"1"}})
	resp, body := c.get("/contacts/exports/"+itoa(id), htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `hx-trigger="every 1s"`, "Waiting to start")

	ts.finishExports(id)
	_, body = c.get("/contacts/exports/"+itoa(id), htmx...)
	wantContains(t, body, "The file is ready", "2 contacts · CSV")
	if strings.Contains(body, "hx-trigger") {
		t.Error("a finished export's progress still polls")
	}
	resp, body = c.get("/contacts/exports/" + itoa(id) + "/download")
	wantStatus(t, resp, body, http.StatusOK)
	if want := "Name,Email,Email 2,Phone\nAnn Lee,ann@acme.example,ann@home.example,'+1 555 0101\nBo Kim,bo@acme.example,,\n"; body != want {
		t.Errorf("file:\n%s\nwant:\n%s", body, want)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `attachment; filename="contacts-`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	_, body = c.get("/contacts/exports")
	wantContains(t, body, "company “Acme”", "CSV", `badge-verified">done`, "/contacts/exports/"+itoa(id)+"/download")

	mails, err := ts.store.ListEmails(context.Background(), model.MailQuery{Search: "ann@example.com"})
	if err != nil || len(mails.Mails) != 1 || !strings.Contains(mails.Mails[0].Text, "http://portico.test/contacts/exports/"+itoa(id)+"/download") {
		t.Fatalf("emails to the agent: %+v, %v", mails, err)
	}
}

func TestExportOnlyForItsAgent(t *testing.T) {
	ts := newTestServer(t)
	ann := ts.admin()
	ts.createContact("Bo Kim", "bo@acme.example")
	id := startExport(t, ann, "", url.Values{"scope": {"all"}, "fields": {"name"}, "format": {"xlsx"}})
	ts.finishExports(id)
	download := "/contacts/exports/" + itoa(id) + "/download"

	bob := ts.agentClient("Bob Agent", "bob@example.com")
	for _, path := range []string{download, "/contacts/exports/" + itoa(id)} {
		resp, body := bob.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
	_, body := bob.get("/contacts/exports")
	wantContains(t, body, "No exports yet")

	resp, _ := ts.client().get(download)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
		t.Errorf("signed out: %d to %q, want the sign-in page", resp.StatusCode, loc)
	}
	resp, body = ann.get(download)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("want an xlsx file, got %s %.20q", resp.Header.Get("Content-Type"), body)
	}
}

func TestExportExpires(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.createContact("Bo Kim", "bo@acme.example")
	id := startExport(t, c, "", url.Values{"fields": {"name"}, "format": {"csv"}})
	ts.finishExports(id)
	ts.store.Now = func() time.Time { return time.Now().UTC().Add(exports.TTL + time.Minute) }

	resp, body := c.get("/contacts/exports/" + itoa(id) + "/download")
	wantStatus(t, resp, body, http.StatusGone)
	wantContains(t, body, "This export has expired", `href="/contacts/export"`)
	_, body = c.get("/contacts/exports")
	wantContains(t, body, `badge-deleted">expired`)
	if strings.Contains(body, "/download") {
		t.Error("an expired export still offers its download")
	}
}

func TestExportForm(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/export")
	resp, body := c.post("/contacts/exports", url.Values{"_csrf": {""}, "fields": {"name"}, "format": {"csv"}})
	wantStatus(t, resp, body, http.StatusForbidden)

	resp, body = c.post("/contacts/exports", url.Values{"format": {"csv"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choose at least one field to export.")
	resp, body = c.post("/contacts/exports", url.Values{"fields": {"name"}, "format": {"pdf"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choose CSV or Excel (.xlsx).", `value="name" checked`)

	for _, path := range []string{"/contacts/exports/999", "/contacts/exports/999/download", "/contacts/exports/x"} {
		resp, body := c.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
}

// TestExportCSVStartsWithBOM checks that the dialog ticks the byte order
// mark by default, says why, and that the file then starts with it, so
// Excel opens Korean names ungarbled.
func TestExportCSVStartsWithBOM(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.createContact("김민준", "minjun@example.com")
	_, body := c.get("/contacts/export")
	wantContains(t, body, `name="bom" value="1" checked`, "tell Excel the file is UTF-8")

	id := startExport(t, c, "", url.Values{"scope": {"all"}, "fields": {"name"}, "format": {"csv"}, "bom": {"1"}})
	ts.finishExports(id)
	resp, body := c.get("/contacts/exports/" + itoa(id) + "/download")
	wantStatus(t, resp, body, http.StatusOK)
	if want := "\uFEFFName\n김민준\n"; body != want {
		t.Errorf("file %q, want %q", body, want)
	}
}
