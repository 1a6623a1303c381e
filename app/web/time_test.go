package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// ticketFor raises a ticket for a new contact of a new company.
func (ts *testServer) ticketFor(company, contact, email, subject string) (ticketID, companyID int64) {
	ts.t.Helper()
	ctx := context.Background()
	companyID = ts.createCompany(company)
	id := ts.createContact(contact, email)
	if err := ts.store.AddMembership(ctx, testActor, id, companyID); err != nil {
		ts.t.Fatal(err)
	}
	ticketID, err := ts.store.CreateTicket(ctx, testActor, model.NewTicket{ContactID: id, Subject: subject, Description: "d"})
	if err != nil {
		ts.t.Fatal(err)
	}
	return ticketID, companyID
}

func (ts *testServer) entries(ticketID int64) []model.TimeEntry {
	ts.t.Helper()
	es, err := ts.store.TicketTimeEntries(context.Background(), ticketID)
	if err != nil {
		ts.t.Fatal(err)
	}
	return es
}

func (ts *testServer) eventTypes() []string {
	ts.t.Helper()
	evs, err := ts.store.EventsAfter(context.Background(), 0, 1000)
	if err != nil {
		ts.t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if strings.HasPrefix(e.Type, "time_entry.") {
			out = append(out, e.Type)
		}
	}
	return out
}

func TestTimeAddEditDelete(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", `<script>alert("s")</script> Printer`)
	path := "/tickets/" + itoa(tid) + "/time"
	resp, body := admin.get(path)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "No time recorded on this ticket yet", "&lt;script&gt;")
	today := time.Now().UTC().Format(time.DateOnly)
	resp, body = admin.post(path, url.Values{"time": {"1h 30m"}, "date": {today}, "note": {`<img src=x onerror=alert(1)>`}, "billable": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get(path)
	wantContains(t, body, "1:30", "&lt;img src=x onerror=alert(1)&gt;")
	if strings.Contains(body, "<img src=x") {
		t.Fatal("the note is not escaped")
	}
	e := ts.entries(tid)[0]
	entry := path + "/" + itoa(e.ID)
	admin.get(entry + "/edit")
	resp, body = admin.post(entry, url.Values{"time": {"2.25"}, "date": {today}, "note": {"Fixed"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "2:15", "non-billable", `id="timer-slot"`)
	resp, body = admin.post(entry+"/delete", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	if n := len(ts.entries(tid)); n != 0 {
		t.Fatalf("%d entries after delete", n)
	}
	got := strings.Join(ts.eventTypes(), " ")
	if got != "time_entry.created time_entry.updated time_entry.deleted" {
		t.Fatalf("events: %s", got)
	}
}

func TestTimeOfAnotherAgentRefused(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer")
	path := "/tickets/" + itoa(tid) + "/time"
	admin.get(path)
	today := time.Now().UTC().Format(time.DateOnly)
	admin.post(path, url.Values{"time": {"0:45"}, "date": {today}})
	entry := path + "/" + itoa(ts.entries(tid)[0].ID)
	bob := ts.agentClient("Bob", "bob@example.com")
	_, body := bob.get(path)
	if strings.Contains(body, entry+"/edit") {
		t.Fatal("another agent's entry offers Edit")
	}
	for _, p := range []string{entry, entry + "/delete"} {
		resp, body := bob.post(p, url.Values{"time": {"9:00"}, "date": {today}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	resp, body := bob.get(entry + "/edit")
	wantStatus(t, resp, body, http.StatusForbidden)
	if e := ts.entries(tid)[0]; e.Seconds != 45*60 {
		t.Fatalf("the entry changed: %d s", e.Seconds)
	}
}

func TestTimeBadInput(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	tid, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer")
	path := "/tickets/" + itoa(tid) + "/time"
	admin.get(path)
	today := time.Now().UTC().Format(time.DateOnly)
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	cases := []struct{ time, date, want string }{
		{"-1:00", today, "cannot be negative"},
		{"0", today, "more than zero"},
		{"25:00", today, "more than 24 hours"},
		{"an hour", today, "is not a time we can read"},
		{"1:00", tomorrow, "cannot be in the future"},
		{"1:00", "31/12/2025", "as YYYY-MM-DD"},
	}
	for _, c := range cases {
		resp, body := admin.post(path, url.Values{"time": {c.time}, "date": {c.date}}, htmx...)
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, c.want)
	}
	admin.post(path, url.Values{"time": {"20:00"}, "date": {today}})
	resp, body := admin.post(path, url.Values{"time": {"5:00"}, "date": {today}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "You already recorded 20:00")
	resp, body = admin.post(path, url.Values{"_csrf": {""}, "time": {"1:00"}, "date": {today}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if n := len(ts.entries(tid)); n != 1 {
		t.Fatalf("%d entries, want only the 20:00 one", n)
	}
	resp, body = admin.post("/tickets/999999/time", url.Values{"time": {"1:00"}, "date": {today}})
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestTimerSwitchAndHeader(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	a, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer")
	b, _ := ts.ticketFor("Daeho", "Lee Seo", "lee@daeho.example", "Invoices")
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	ts.store.Now = func() time.Time { return now }
	admin.get("/contacts")
	admin.post("/tickets/"+itoa(a)+"/time/timer", nil)
	_, body := admin.get("/contacts")
	wantContains(t, body, `href="/tickets/`+itoa(a)+`"`, "data-timer-since", "/time/timer/stop")
	now = now.Add(50 * time.Minute)
	resp, body := admin.post("/tickets/"+itoa(b)+"/time/timer", nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Stop and save", `hx-swap-oob="true"`, `href="/tickets/`+itoa(b)+`"`)
	es := ts.entries(a)
	if len(es) != 1 || es[0].Seconds != 50*60 || es[0].WorkDate.Format(time.DateOnly) != "2026-03-10" {
		t.Fatalf("the first timer saved %+v", es)
	}
	now = now.Add(10 * time.Minute)
	admin.post("/tickets/"+itoa(b)+"/time/timer/stop", url.Values{"next": {"/contacts"}})
	if es := ts.entries(b); len(es) != 1 || es[0].Seconds != 600 {
		t.Fatalf("the second timer saved %+v", es)
	}
	_, body = admin.get("/contacts")
	if strings.Contains(body, "data-timer-since") {
		t.Fatal("the header still shows a timer")
	}
}

func TestTimerOverMidnightAsksFirst(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	a, _ := ts.ticketFor("Hanbit", "Kim Minjun", "kim@hanbit.example", "Printer")
	now := time.Date(2026, 3, 10, 17, 0, 0, 0, time.UTC)
	ts.store.Now = func() time.Time { return now }
	path := "/tickets/" + itoa(a) + "/time"
	admin.get(path)
	admin.post(path+"/timer", nil)
	now = now.Add(3*24*time.Hour + 2*time.Hour)
	resp, body := admin.post(path+"/timer/stop", nil)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "has run 3 days 2 h", "Nothing is saved until you confirm", `value="2026-03-10"`)
	if n := len(ts.entries(a)); n != 0 {
		t.Fatalf("%d entries saved before confirming", n)
	}
	resp, body = admin.post(path+"/timer/stop", url.Values{"confirm": {"1"}, "time": {"74:00"}, "date": {"2026-03-10"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "more than 24 hours")
	resp, body = admin.post(path+"/timer/stop", url.Values{"confirm": {"1"}, "time": {"3:00"}, "date": {"2026-03-10"}, "billable": {"1"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if es := ts.entries(a); len(es) != 1 || es[0].Seconds != 3*3600 {
		t.Fatalf("confirmed timer saved %+v", es)
	}
}

func TestTimeRoutesRefuseCustomers(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "Kim Minjun", "kim@hanbit.example", "long enough password")
	a, _ := ts.ticketFor("Hanbit", "Lee Seo", "lee@hanbit.example", "Printer")
	for _, p := range []string{"/tickets/" + itoa(a) + "/time", "/reports/timesheet", "/reports/timesheet/entries?key=1"} {
		resp, body := cu.get(p)
		wantStatus(t, resp, body, http.StatusSeeOther)
		if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
			t.Fatalf("%s sends a customer to %s", p, loc)
		}
	}
	cu.get("/portal")
	resp, _ := cu.post("/tickets/"+itoa(a)+"/time", url.Values{"time": {"1:00"}})
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a customer's post answered %d", resp.StatusCode)
	}
	if n := len(ts.entries(a)); n != 0 {
		t.Fatal("a customer recorded time")
	}
}
