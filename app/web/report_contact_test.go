package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestReportContactPicker checks the report's contact picker: it offers
// matching contacts by name and address, a pick becomes the contact
// filter with a chip that removes it, and an ambiguous or unknown name
// says so instead of guessing.
func TestReportContactPicker(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer jams")
	ts.createContact("Kim Minjun", "minjun@other.example")
	today := time.Now().UTC().Format(time.DateOnly)
	admin.get("/tickets/" + itoa(tid) + "/time")
	admin.post("/tickets/"+itoa(tid)+"/time", url.Values{"time": {"1:00"}, "date": {today}, "billable": {"1"}})

	_, body := admin.get("/reports/timesheet/contacts?add_contact=Kim", htmx...)
	wantContains(t, body, `kim@hanbit.example>">Hanbit</option>`, `minjun@other.example>">`)
	form := "/reports/timesheet?period=this_month&group=company&add_company=&add_contact="
	resp, _ := admin.get(form + url.QueryEscape("Kim Minjun"))
	wantStatus(t, resp, "", http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); strings.Contains(loc, "contact=") {
		t.Fatalf("an ambiguous name picked a contact: %s", loc)
	}
	_, body = admin.get(resp.Header.Get("Location"))
	wantContains(t, body, "Several contacts match “Kim Minjun”: pick one from the list.")
	resp, _ = admin.get(form + url.QueryEscape("Nobody Here"))
	_, body = admin.get(resp.Header.Get("Location"))
	wantContains(t, body, "No contact matches “Nobody Here”.")

	resp, _ = admin.get(form + url.QueryEscape("Kim Minjun <kim@hanbit.example>"))
	wantStatus(t, resp, "", http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	if strings.Contains(loc, "add_") || !strings.Contains(loc, "contact=") {
		t.Fatalf("picking a contact redirected to %s", loc)
	}
	resp, body = admin.get(loc)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `<span class="chip">Contact: Kim Minjun <a href="/reports/timesheet?group=company&amp;period=this_month" aria-label="Remove Kim Minjun">×</a>`,
		`data-total="total">1:00`, "Change the contact")
	if strings.Contains(body, "No company is named") {
		t.Fatal("an empty company picker flashed an error")
	}
}

// TestReportCompanyOptions checks the report's company picker is offered
// the companies matching what was typed, not the first page of all.
func TestReportCompanyOptions(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.createCompany("Hanbit Logistics")
	ts.createCompany("Daeho Foods")
	_, body := admin.get("/companies/options?add_company=Daeho", htmx...)
	wantContains(t, body, `<option value="Daeho Foods">`)
	if strings.Contains(body, "Hanbit") {
		t.Fatalf("the picker offers companies that do not match:\n%s", body)
	}
}
