package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func TestImportMappingOverrides(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	step := strings.TrimSuffix(c.draft("고객.csv", "이름;이메일;전화번호;회사;메모\n김민준;minjun@example.com;010-1234-5678;Hooli;VIP\n"), "/map")
	_, page := c.get(step + "/map")
	wantContains(t, page, `<option value="semicolon" selected>`, "김민준", "minjun@example.com",
		`name="col_0" aria-label="Field for the column 이름"><option value="" >Skip this column</option><option value="name" selected>`,
		`<option value="company" selected>`, `<option value="about" selected>`)

	// Another delimiter reads the file again, as one column, and says so in place.
	resp, frag := c.post(step+"/map", mapForm(page, "delimiter", "comma", "encoding", "utf-8"), htmx...)
	wantStatus(t, resp, frag, http.StatusOK)
	if strings.Contains(frag, "<html") {
		t.Fatal("the HTMX answer is a whole page, want the mapping form alone")
	}
	wantContains(t, frag, `id="map-form"`, `<option value="comma" selected>`, "이름;이메일;전화번호;회사;메모")
	resp, frag = c.post(step+"/map", mapForm(frag, "delimiter", "semicolon", "encoding", "utf-8", "step", "next"))
	wantStatus(t, resp, frag, http.StatusOK) // a new reading is shown before it is used

	// Skipping the name column is refused; mapping it again continues.
	_, page = c.get(step + "/map")
	resp, body := c.post(step+"/map", mapForm(page, "delimiter", "semicolon", "encoding", "utf-8", "col_0", "", "col_4", "", "step", "next"))
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Map a column to Name, or to First name and Last name.", `<option value="about" >About</option>`)
	resp, body = c.post(step+"/map", mapForm(page, "delimiter", "semicolon", "encoding", "utf-8", "col_4", "", "step", "next"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := resp.Header.Get("Location"); got != step+"/review" {
		t.Fatalf("continue goes to %s, want %s", got, step+"/review")
	}
	_, page = c.get(step + "/map")
	wantContains(t, page, `name="col_4" aria-label="Field for the column 메모"><option value="" selected>`)
}

func TestImportReviewShowsEachCellsError(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	c := ts.admin()
	ts.createContact("Lee Jiwoo", "jiwoo@example.com")
	step := strings.TrimSuffix(c.draft("people.csv", peopleCSV), "/map")
	_, page := c.get(step + "/map")
	resp, body := c.post(step+"/map", mapForm(page, "step", "next"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get(step + "/review")
	wantContains(t, body, "The first 3 rows as they will be imported", `<td data-label="Email" class="cell-error">not-an-email<small class="error block">`,
		`class="row-failed"`, "Kim Minjun", "Hooli")
	frag := c.settle(step + "/review")
	wantContains(t, frag, "Would create</dt><dd>1</dd>", "Would update</dt><dd>1</dd>", "Would skip</dt><dd>0</dd>", "Would fail</dt><dd>1</dd>")
	if n := ts.countContacts(); n != 1 {
		t.Errorf("the dry run left %d contacts, want the 1 there was", n)
	}

	// Counting again as "create only" skips the row of the existing contact.
	c.get(step + "/options")
	resp, body = c.post(step+"/options", map[string][]string{"action": {"recount"}, "mode": {"create"}, "match": {"email"}, "blank": {"keep"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	frag = c.settle(step + "/review")
	wantContains(t, frag, "Would create</dt><dd>1</dd>", "Would update</dt><dd>0</dd>", "Would skip</dt><dd>1</dd>", "creating new contacts only")
}

func TestImportRunsAndReportsFailedRows(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	c := ts.admin()
	progress := c.startImport(peopleCSV)
	_, page := c.get(progress)
	wantContains(t, page, "Import of people.csv", "Import started.")
	frag := c.settle(progress)
	wantContains(t, frag, "Finished", "<strong>3</strong> of 3 rows", "Created</dt><dd>2</dd>", "Failed</dt><dd>1</dd>", "Download failed rows (CSV)")
	wantContains(t, frag, "Why rows failed", `<td class="num">1</td><td>Email: “…”: `, "Failed row: 3</p>")

	resp, body := c.get(progress + "/failed.csv")
	wantStatus(t, resp, body, http.StatusOK)
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=people-failed-rows.csv` {
		t.Errorf("Content-Disposition %q", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("failed rows are not CSV: %v\n%s", err, body)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != "Row,Reason,Name,Email,Phone,Company" ||
		rows[1][0] != "3" || !strings.Contains(rows[1][1], "email") || strings.Join(rows[1][2:], ",") != "Bad Row,not-an-email,," {
		t.Errorf("failed rows:\n%q", rows)
	}
	resp, body = c.get(progress + "/file")
	wantStatus(t, resp, body, http.StatusOK)
	if body != peopleCSV {
		t.Errorf("the original file reads %q", body)
	}
	_, body = c.get("/contacts/imports")
	wantContains(t, body, "people.csv", "Ann Admin", "Failed rows (CSV)")
	_, body = c.get("/contacts?q=minjun")
	wantContains(t, body, "Kim Minjun")
}

func (ts *testServer) countContacts() int {
	ts.t.Helper()
	page, err := ts.store.ListContacts(context.Background(), model.ContactQuery{Page: 1, PerPage: 30})
	if err != nil {
		ts.t.Fatal(err)
	}
	return page.Total
}

// TestImportReviewShowsDryRunFailures marks a row that only matching
// fails, the row of a deleted contact, once the dry run is done: in the
// page and in the dry run's last poll, which replaces the rows.
func TestImportReviewShowsDryRunFailures(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	c := ts.admin()
	id := ts.createContact("Lee Jiwoo", "jiwoo@example.com")
	if err := ts.store.ChangeContactState(context.Background(), testActor, id, "deleted"); err != nil {
		t.Fatal(err)
	}
	step := strings.TrimSuffix(c.draft("people.csv", peopleCSV), "/map")
	_, page := c.get(step + "/map")
	resp, body := c.post(step+"/map", mapForm(page, "step", "next"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	frag := c.settle(step + "/review")
	reason := "which is deleted; restore it to update it"
	wantContains(t, frag, "Would fail</dt><dd>2</dd>", `id="review-rows" class="panel review-rows" hx-swap-oob="true"`, reason)
	_, body = c.get(step + "/review")
	wantContains(t, body, `<td class="nowrap muted" data-label="Row">4</td>`, reason)
	if strings.Contains(body, "hx-swap-oob") || strings.Count(body, `class="row-failed"`) != 2 || strings.Count(body, "badge-verified") != 1 {
		t.Errorf("want rows 3 and 4 failed and row 2 OK:\n%s", body)
	}
}
