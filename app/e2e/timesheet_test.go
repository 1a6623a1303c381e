package e2e

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
	"github.com/portico-hub/portico/app/timesheet"
)

// timeWorld holds two companies' tickets and a clock the test moves.
type timeWorld struct {
	clock         *storetest.Clock
	hanbit, daeho int64
	ticket, other int64
}

func (w *timeWorld) prepare(t *testing.T, st *store.Store) {
	ctx := context.Background()
	y, m, d := time.Now().UTC().Date()
	w.clock = storetest.NewClock(time.Date(y, m, d, 10, 0, 0, 0, time.UTC))
	st.Now = w.clock.Now
	var err error
	if w.hanbit, err = st.CreateCompany(ctx, e2eActor, model.CompanyFields{Name: "Hanbit Logistics"}); err != nil {
		t.Fatal(err)
	}
	if w.daeho, err = st.CreateCompany(ctx, e2eActor, model.CompanyFields{Name: "Daeho Foods"}); err != nil {
		t.Fatal(err)
	}
	w.ticket = raiseTicket(t, st, "Kim Minjun", "minjun@hanbit.example", w.hanbit, "Customs export fails")
	w.other = raiseTicket(t, st, "Park Jiwoo", "jiwoo@daeho.example", w.daeho, "Invoice totals")
}

func raiseTicket(t *testing.T, st *store.Store, name, email string, company int64, subject string) int64 {
	ctx := context.Background()
	c, err := st.CreateContact(ctx, e2eActor, contact(name, email))
	if err == nil {
		err = st.AddMembership(ctx, e2eActor, c, company)
	}
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateTicket(ctx, e2eActor, model.NewTicket{ContactID: c, Subject: subject, Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// runReportJobs runs the export job with the report writer, as the server does.
func runReportJobs(t *testing.T, app *portico) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	r := jobs.NewRunner(app.Store, log)
	r.Poll = 50 * time.Millisecond
	exports.Register(r, exports.Deps{Store: app.Store, FilesDir: t.TempDir(), Log: log, BaseURL: app.URL,
		Report: timesheet.Writer{Service: &timesheet.Service{Store: app.Store}}.Write})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// TestTimeOnTicketToReport: an agent runs a timer on a ticket and adds
// time by hand; the report filtered to the ticket's company and today
// shows their sum, and its CSV export holds the same entries. With
// PORTICO_SCREENSHOTS set it saves the panel and the report at 1366 and
// 390 px.
func TestTimeOnTicketToReport(t *testing.T) {
	w := &timeWorld{}
	app := startPortico(t, w.prepare)
	runReportJobs(t, app)
	p := adminPage(t, app)
	ticket := "/tickets/" + strconv.FormatInt(w.ticket, 10) + "/time"
	p.open("/tickets/" + strconv.FormatInt(w.other, 10) + "/time")
	p.click("#timer-start")
	p.waitText(".timer-row", "Timer running")
	w.clock.Advance(20 * time.Minute)

	p.open(ticket)
	p.waitText("#ticket-time", "No time recorded")
	p.click("#timer-start")
	p.waitText(".timer-row", "Timer running")
	p.waitText(".timer-chip", "#"+strconv.FormatInt(w.ticket, 10))
	shotWidths(p, "time-running")
	w.clock.Advance(45 * time.Minute)
	p.click("#timer-stop")
	p.waitText(".time-total", "0:45 total")
	p.click(".time-add summary")
	p.fill(`.time-add input[name="time"]`, "1h 30m")
	p.fill(`.time-add textarea[name="note"]`, "Called the broker <b>twice</b>")
	p.click(".time-add button.primary")
	p.waitText(".time-total", "2:15 total")
	p.waitText(".time-entries", "Called the broker <b>twice</b>")
	shotWidths(p, "time-panel")

	p.open("/reports/timesheet?period=today")
	p.waitText(`[data-total="total"]`, "2:35")
	p.fill("#add-company", "Hanbit Logistics")
	p.click("#apply")
	p.waitText(".report-chips", "Hanbit Logistics")
	p.waitText(`[data-total="total"]`, "2:15")
	p.waitText(`[data-total="billable"]`, "2:15")
	if q := p.location().Query(); q.Get("company") != strconv.FormatInt(w.hanbit, 10) || q.Get("period") != "today" {
		t.Fatalf("the URL does not keep the filters: %s", p.location())
	}
	p.click(".report-group summary")
	p.waitText(".report-entries table", "Called the broker")
	shotWidths(p, "timesheet-report")

	p.click("#export-csv")
	p.waitText("#export-progress h2", "The file is ready")
	rows := downloadCSV(t, p)
	if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(timesheet.Header, ",") {
		t.Fatalf("export: %q", rows)
	}
	var sum float64
	for _, r := range rows[1:] {
		if r[2] != "Hanbit Logistics" || r[1] != "Customs export fails" {
			t.Errorf("row %q", r)
		}
		h, _ := strconv.ParseFloat(r[9], 64)
		sum += h
	}
	if sum != 2.25 {
		t.Fatalf("export sums %.2f h; the screen shows 2:15", sum)
	}
}

// downloadCSV fetches the export's file as the signed-in agent and reads it.
func downloadCSV(t *testing.T, p *page) [][]string {
	p.eval(`fetch(document.querySelector("#export-progress a.button").href).then(r => r.text()).then(b => { window.downloaded = b })`, new(any))
	p.waitFor("the download", `() => typeof window.downloaded === "string"`)
	var got string
	p.eval(`window.downloaded`, &got)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(got, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("read the export: %v\n%s", err, got)
	}
	return rows
}
