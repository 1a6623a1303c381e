package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestTicketPageTimeWithoutScript checks the ticket page itself shows the
// ticket's time and a link to its time page, which a browser without
// JavaScript keeps in place of the panel the page would load.
func TestTicketPageTimeWithoutScript(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer jams")
	ticket := "/tickets/" + itoa(tid)
	_, body := admin.get(ticket)
	wantContains(t, body, `hx-get="`+ticket+`/time"`, "No time recorded yet.", `href="`+ticket+`/time">Log time and see the entries`)
	today := time.Now().UTC().Format(time.DateOnly)
	resp, body := admin.post(ticket+"/time", url.Values{"time": {"1:15"}, "date": {today}, "billable": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get(ticket)
	wantContains(t, body, "<strong>1:15</strong> <span class=\"muted small\">(1:15 billable, 1 entry)</span>")
}
