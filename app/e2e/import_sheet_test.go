package e2e

import (
	"bytes"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// TestImportSheetAndHeaderRow uploads a workbook whose first sheet is
// empty and whose contacts sit under a title row: the mapping step reads
// the contacts' sheet from the detected header, and a person picks
// another sheet and another header row from the keyboard-reachable
// selects, each read again in place.
func TestImportSheetAndHeaderRow(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	upload(t, p, "contacts", "customers.xlsx", string(titledWorkbook(t)))
	p.waitText("table.mapping", "ann@example.com")
	if sheet, row := selected(p, "sheet"), selected(p, "header_row"); sheet != "Contacts" || row != "3" {
		t.Errorf("sheet %q, header row %q; want the Contacts sheet from row 3", sheet, row)
	}
	shot(p, "contacts-import-2-map-sheet.png")

	choose(p, "sheet", "Notes")
	p.waitText("table.mapping", "call back")
	choose(p, "sheet", "Contacts")
	p.waitText("table.mapping", "ann@example.com")
	choose(p, "header_row", "1")
	p.waitText("table.mapping tbody th", "Customer list, March")
	choose(p, "header_row", "3")
	p.waitText("table.mapping tbody th", "Name")

	p.click(`button[name="step"][value="next"]`)
	p.waitText(".alert.warn", "“Phone” holds phone numbers stored as numbers")
}

// selected is the value of the select named name.
func selected(p *page, name string) string {
	var v string
	p.eval(`document.querySelector('select[name="`+name+`"]').value`, &v)
	return v
}

// choose picks value in the select named name, as a person does, which
// fires its change event, once htmx has finished the swap before, as a
// person waits for the page to settle.
func choose(p *page, name, value string) {
	p.waitFor("the page to settle", `() => document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling") === null`)
	p.do(chromedp.Focus(chromedp.CSS(`select[name="` + name + `"]`)))
	var ok bool
	p.eval(`(() => { const s = document.querySelector('select[name="`+name+`"]'); s.value = "`+value+`";
		s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, &ok)
}

// titledWorkbook has an empty cover sheet, contacts under a title row
// with a phone typed as a number, and a notes sheet.
func titledWorkbook(t *testing.T) []byte {
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
