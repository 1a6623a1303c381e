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
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/timesheet"
)

// finishReportExport runs the export job with the report writer, as the
// server does, until the export has finished.
func (ts *testServer) finishReportExport(id int64) {
	ts.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(ts.store, log)
	r.Poll, r.Workers = 5*time.Millisecond, 1
	exports.Register(r, exports.Deps{Store: ts.store, FilesDir: ts.t.TempDir(), Log: log, BaseURL: "http://portico.test",
		Report: timesheet.Writer{Service: &timesheet.Service{Store: ts.store}}.Write})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if x, err := ts.store.Export(ctx, id); err == nil && x.Finished() {
			return
		}
	}
	ts.t.Fatalf("export %d did not finish", id)
}

// TestReportExportPage checks a report's export has its own progress
// page and download, worded as time entries and linking back to the
// report with its filters; the contact exports' pages are not its own.
func TestReportExportPage(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, cid := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer jams")
	today := time.Now().UTC().Format(time.DateOnly)
	admin.get("/tickets/" + itoa(tid) + "/time")
	admin.post("/tickets/"+itoa(tid)+"/time", url.Values{"time": {"1:00"}, "date": {today}, "billable": {"1"}})
	admin.post("/tickets/"+itoa(tid)+"/time", url.Values{"time": {"0:30"}, "date": {today}})
	report := "/reports/timesheet?period=this_month&group=ticket&company=" + itoa(cid)
	resp, body := admin.get(report)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `href="/reports/timesheet?company=`+itoa(cid)+`&amp;group=ticket&amp;period=this_month">link to this report`)
	filters := strings.ReplaceAll(regexpFind(t, body, `name="filters" value="([^"]*)"`), "&amp;", "&")
	resp, body = admin.post("/reports/timesheet/export", url.Values{"filters": {filters}, "format": {"csv"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	id := mustID(t, regexpFind(t, resp.Header.Get("Location"), `^/reports/timesheet/exports/(\d+)$`))
	page := "/reports/timesheet/exports/" + itoa(id)
	resp, body = admin.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Waiting to start", `hx-get="`+page+`"`, "time entries written",
		`href="/reports/timesheet?company=`+itoa(cid)+`&amp;`, "group=ticket")
	ts.finishReportExport(id)
	_, body = admin.get(page, htmx...)
	wantContains(t, body, "The file is ready", "2 time entries · CSV", `href="`+page+`/download"`, "Back to the report")
	if strings.Contains(body, "contact") {
		t.Errorf("the report export's page speaks of contacts:\n%s", body)
	}
	_, body = admin.get("/contacts/exports")
	wantContains(t, body, `href="`+page+`"`, `href="`+page+`/download"`)
	resp, body = admin.get(page + "/download")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Printer jams")
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="timesheet-`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	contactExport := startExport(t, admin, "", url.Values{"scope": {"current"}, "fields": {"name"}, "format": {"csv"}})
	resp, _ = admin.get("/reports/timesheet/exports/" + itoa(contactExport))
	wantStatus(t, resp, "", http.StatusNotFound)
	other := ts.agentClient("Other Agent", "other@portico.test")
	resp, _ = other.get(page + "/download")
	wantStatus(t, resp, "", http.StatusNotFound)
	if _, err := ts.store.Export(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}
