package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCompanyPageTicketTime checks the company page lists each ticket's
// time and the company's total, and toggles the billable default from a
// form on the page.
func TestCompanyPageTicketTime(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, cid := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer jams")
	today := time.Now().UTC().Format(time.DateOnly)
	path := "/tickets/" + itoa(tid) + "/time"
	admin.get(path)
	resp, body := admin.post(path, url.Values{"time": {"1h 30m"}, "date": {today}, "billable": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, body = admin.post(path, url.Values{"time": {"0:45"}, "date": {today}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	company := "/companies/" + itoa(cid)
	resp, body = admin.get(company)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `<th scope="col" class="num">Time</th>`, ">2:15</span>",
		"Time on all tickets: <strong>2:15</strong>", "1:30 billable, 0:45 non-billable, 2 entries",
		"New time is <strong>billable</strong> by default", `action="`+company+`/time-billable"`)
	resp, body = admin.post(company+"/time-billable", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if on, _ := ts.store.CompanyTimeBillable(context.Background(), cid); on {
		t.Fatal("the company's time is still billable by default")
	}
	_, body = admin.get(company)
	wantContains(t, body, "now non-billable by default", "New time is <strong>non-billable</strong> by default",
		`<input type="hidden" name="billable" value="on">`)
	resp, body = admin.post(company+"/time-billable", url.Values{"billable": {"on"}, "_csrf": {""}})
	if resp.StatusCode < 400 {
		t.Fatalf("a post without a token was accepted: %d", resp.StatusCode)
	}
	other := ts.createCompany("Quiet Ltd")
	_, body = admin.get("/companies/" + itoa(other))
	wantContains(t, body, "No time recorded on this company")
	if strings.Contains(body, "Time on all tickets") {
		t.Fatal("a company without time shows a total")
	}
}
