package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// companiesCSV has Korean headers: a new company, a row refused for a
// public mail domain (row 3), and a row that finds Hooli by its name in
// another case.
const companiesCSV = "회사명,도메인,업종,등급,메모\n" +
	"삼성전자,samsung.com,전자,엔터프라이즈,\n" +
	"Gmail Fans,gmail.com,,,\n" +
	"HOOLI,hooli.io,소프트웨어,프리미엄,VIP\n"

func TestCompanyImportThroughTheWizard(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	c := ts.admin()
	hooli := ts.createCompany("Hooli", "hooli.com")
	_, page := c.get("/companies")
	wantContains(t, page, `href="/companies/import"`)

	step := strings.TrimSuffix(c.draftAt("/companies/import", "회사.csv", companiesCSV), "/map")
	if !strings.HasPrefix(step, "/companies/import/") {
		t.Fatalf("the upload goes to %s, want the companies wizard", step)
	}
	_, page = c.get(step + "/map")
	wantContains(t, page, "Import 회사.csv", `<a href="/companies">Companies</a>`,
		`aria-label="Field for the column 회사명"><option value="" >Skip this column</option><option value="name" selected>`,
		`<option value="domains" selected>`, `<option value="industry" selected>`, `<option value="account_tier" selected>`,
		`<option value="notes" selected>`, "public mail domains such as gmail.com are refused")
	if strings.Contains(page, `<option value="email"`) {
		t.Error("the companies mapping offers contact fields")
	}
	resp, body := c.post(step+"/map", mapForm(page, "step", "next"))
	wantStatus(t, resp, body, http.StatusSeeOther)

	_, page = c.get(step + "/review")
	wantContains(t, page, "The first 3 rows as they will be imported", `<th scope="col">Domains</th>`,
		`<th scope="col">Account tier</th>`, `<td data-label="Account tier">Enterprise</td>`, `<td data-label="Domains" class="cell-error">gmail.com<small class="error block">gmail.com is a public email service`)
	frag := c.settle(step + "/review")
	wantContains(t, frag, "Would create</dt><dd>1</dd>", "Would update</dt><dd>1</dd>", "Would fail</dt><dd>1</dd>",
		"creating and updating companies, matched by name, ignoring case")
	if _, err := ts.store.CompanyByName(context.Background(), "삼성전자"); err == nil {
		t.Error("the dry run created a company")
	}
	wantNoCopies(t, filepath.Join(ts.cfg.FilesDir, "imports"))

	_, page = c.get(step + "/options")
	wantContains(t, page, "Companies are matched by name, ignoring case", "Rows that match an existing company are skipped.")
	for _, absent := range []string{`name="match"`, `name="send_activation"`} {
		if strings.Contains(page, absent) {
			t.Errorf("the companies options show %s", absent)
		}
	}
	resp, body = c.post(step+"/options", url.Values{"action": {"start"}, "mode": {"upsert"}, "blank": {"keep"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	progress := resp.Header.Get("Location")
	frag = c.settle(progress)
	wantContains(t, frag, "Finished", "Created</dt><dd>1</dd>", "Updated</dt><dd>1</dd>", "Failed</dt><dd>1</dd>",
		`href="`+progress+`/failed.csv"`, `href="/companies">Go to companies</a>`)

	co, err := ts.store.Company(context.Background(), hooli)
	if err != nil || co.Name != "Hooli" || strings.Join(co.Domains, ",") != "hooli.com,hooli.io" || co.Industry != "소프트웨어" || co.AccountTier != "premium" {
		t.Errorf("Hooli after the import: %+v, %v", co, err)
	}
	wantFailedRows(t, c, progress+"/failed.csv", "Row,Reason,회사명,도메인,업종,등급,메모", "3", "gmail.com", "Gmail Fans,gmail.com,,,")
}

func TestCompanyImportHistoryIsItsOwn(t *testing.T) {
	ts := newTestServer(t)
	ts.runJobs()
	admin := ts.admin()
	draft := admin.draftAt("/companies/import", "회사.csv", companiesCSV)
	bob := ts.agentClient("Bob Agent", "bob@example.com")
	progress := bob.startImportAt("/companies/import", companiesCSV)
	bob.settle(progress)

	_, page := bob.get("/companies/imports")
	wantContains(t, page, "Your imports", `href="`+progress+`"`, `href="/companies/import">Import companies</a>`)
	_, page = admin.get("/companies/imports")
	wantContains(t, page, "Every agent's imports", `href="`+progress+`"`, "Bob Agent")
	_, page = admin.get("/contacts/imports")
	wantContains(t, page, "No imports yet")

	contactsPath := strings.Replace(progress, "/companies/", "/contacts/", 1)
	for _, path := range []string{contactsPath, contactsPath + "/failed.csv", strings.Replace(draft, "/companies/", "/contacts/", 1)} {
		resp, body := admin.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
	resp, body := bob.get(draft)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = admin.get(progress + "/failed.csv")
	wantStatus(t, resp, body, http.StatusOK)
}

// With no job runner, a contacts import waits, and a companies import is
// refused with a link to the contacts import's own page.
func TestCompanyImportWaitsForAContactsImport(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	first := c.startImport(peopleCSV)
	step := strings.TrimSuffix(c.draftAt("/companies/import", "회사.csv", companiesCSV), "/map")
	c.post(step+"/map", mapForm(body(c, step+"/map"), "step", "next"))
	c.get(step + "/options")
	resp, page := c.post(step+"/options", url.Values{"action": {"start"}})
	wantStatus(t, resp, page, http.StatusConflict)
	wantContains(t, page, "(people.csv) is waiting", `href="`+first+`"`, `href="`+first+`/cancel"`)
}

func TestCompanyMappingNeedsName(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	step := strings.TrimSuffix(c.draftAt("/companies/import", "회사.csv", companiesCSV), "/map")
	_, page := c.get(step + "/map")
	resp, body := c.post(step+"/map", mapForm(page, "col_0", "", "step", "next"))
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Map a column to Name: it finds each company, and names a new one.")
	resp, body = c.post(step+"/discard", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if got := resp.Header.Get("Location"); got != "/companies" {
		t.Errorf("discarding goes to %s, want /companies", got)
	}
	_, page = c.get("/companies")
	wantContains(t, page, `class="toast">Import discarded; the uploaded file was deleted.`)
}

// startImportAt takes a CSV through the wizard at path with the suggested
// mapping and default options, and returns the import's progress path.
func (c *client) startImportAt(path, content string) string {
	c.ts.t.Helper()
	step := strings.TrimSuffix(c.draftAt(path, "upload.csv", content), "/map")
	resp, body := c.post(step+"/map", mapForm(body(c, step+"/map"), "step", "next"))
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	c.get(step + "/options")
	resp, body = c.post(step+"/options", url.Values{"action": {"start"}})
	wantStatus(c.ts.t, resp, body, http.StatusSeeOther)
	return resp.Header.Get("Location")
}

// wantFailedRows checks a failed-rows download: its header, and its one
// row's number, a word of its reason and its cells.
func wantFailedRows(t *testing.T, c *client, path, header, row, reason, cells string) {
	t.Helper()
	resp, body := c.get(path)
	wantStatus(t, resp, body, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("failed rows are not CSV: %v\n%s", err, body)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != header || rows[1][0] != row ||
		!strings.Contains(rows[1][1], reason) || strings.Join(rows[1][2:], ",") != cells {
		t.Errorf("failed rows:\n%q", rows)
	}
}

// wantNoCopies checks that the imports folder holds no copy of a file:
// a dry run reads its draft's upload where it is.
func wantNoCopies(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != "drafts" {
			t.Errorf("%s holds %s", dir, e.Name())
		}
	}
}
