package web_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetsWorkbook has an empty cover sheet, contacts under a title row on
// the second sheet with a phone typed as a number, and a notes sheet.
func sheetsWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	steps := []error{f.SetSheetName("Sheet1", "Cover")}
	for _, name := range []string{"Contacts", "Notes"} {
		_, err := f.NewSheet(name)
		steps = append(steps, err)
	}
	steps = append(steps,
		f.SetCellValue("Contacts", "A1", "Customer list, March"),
		f.SetSheetRow("Contacts", "A3", &[]any{"Name", "Email", "Phone"}),
		f.SetSheetRow("Contacts", "A4", &[]any{"Ann Lee", "ann@example.com", 1012345678}),
		f.SetSheetRow("Notes", "A1", &[]any{"Note", "Owner"}),
		f.SetSheetRow("Notes", "A2", &[]any{"call back", "Bo"}))
	var buf bytes.Buffer
	steps = append(steps, f.Write(&buf))
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// TestImportSheetAndHeaderRow reads the first sheet with data under its
// title row, lets the person pick another sheet and another header row,
// and warns in the review of a phone column that holds numbers.
func TestImportSheetAndHeaderRow(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/import")
	resp, body := c.upload("book.xlsx", sheetsWorkbook(t))
	wantStatus(t, resp, body, http.StatusSeeOther)
	mapPath := resp.Header.Get("Location")
	_, page := c.get(mapPath)
	wantContains(t, page, `<option value="Contacts" selected>Contacts</option>`, `<option value="Cover" >Cover</option>`,
		`<option value="3" selected>Row 3: Name, Email, Phone (detected)</option>`, `<option value="1" >Row 1: Customer list, March</option>`,
		`<th scope="row">Phone</th>`, "1012345678")

	resp, page = c.post(mapPath, mapForm(page, "sheet", "Notes", "header_row", "3"))
	wantStatus(t, resp, page, http.StatusOK)
	wantContains(t, page, `<option value="Notes" selected>Notes</option>`, `<option value="1" selected>Row 1: Note, Owner (detected)</option>`,
		`<th scope="row">Owner</th>`, "call back")

	resp, page = c.post(mapPath, mapForm(page, "sheet", "Contacts", "header_row", "1"))
	wantStatus(t, resp, page, http.StatusOK)
	resp, page = c.post(mapPath, mapForm(page, "sheet", "Contacts", "header_row", "1"))
	wantStatus(t, resp, page, http.StatusOK)
	wantContains(t, page, `<option value="1" selected>Row 1: Customer list, March</option>`, `<th scope="row">Customer list, March</th>`)

	resp, page = c.post(mapPath, mapForm(page, "sheet", "Contacts", "header_row", "3"))
	wantStatus(t, resp, page, http.StatusOK)
	resp, body = c.post(mapPath, mapForm(page, "sheet", "Contacts", "header_row", "3", "step", "next"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, review := c.get(strings.TrimSuffix(mapPath, "/map") + "/review")
	wantContains(t, review, `class="alert warn"`, "“Phone” holds phone numbers stored as numbers, not text.", "Ann Lee")
}

// TestImportEmptySheetIsSaidNotBroken picks the empty cover sheet: the
// page says the sheet is empty and offers another, whole.
func TestImportEmptySheetIsSaidNotBroken(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/contacts/import")
	resp, body := c.upload("book.xlsx", sheetsWorkbook(t))
	wantStatus(t, resp, body, http.StatusSeeOther)
	mapPath := resp.Header.Get("Location")
	_, page := c.get(mapPath)
	resp, page = c.post(mapPath, mapForm(page, "sheet", "Cover", "header_row", "1"))
	wantStatus(t, resp, page, http.StatusUnprocessableEntity)
	wantContains(t, page, "The file cannot be read this way", "Choose another sheet above", "upload another file", "</html>")
}
