package exports_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

func TestNeutralise(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+82 10 1234", "'+82 10 1234"}, {"-5", "'-5"}, {"@sum(A1)", "'@sum(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"", ""}, {"Ann", "Ann"}, {"a=b", "a=b"}, {"'quoted", "'quoted"}, {"김민준", "김민준"},
	} {
		if got := exports.Neutralise(tc.in); got != tc.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCSVContent(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	spec := all()
	spec.BOM = true
	b := e.export(t, spec)
	if !bytes.HasPrefix(b, []byte("\uFEFFName,Email,Email 2,Email 3,Phone,")) {
		t.Fatalf("want a BOM and the header first, got %q", b[:min(len(b), 60)])
	}
	rows := readCSV(t, b)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want the header and 4 contacts that are not deleted", len(rows))
	}
	for name, want := range map[string]string{
		"Name":            `Ann Lee | 김민준 | '=HYPERLINK("http://x.example") | 이서연`,
		"Email":           "ann@acme.example | minjun@hooli.example | formula@example.com | seoyeon@acme.example",
		"Email 2":         "ann.lee@gmail.com |  |  | sy@naver.com",
		"Email 3":         "ann@hooli.example |  |  | ",
		"Phone":           "'+1 555 0101 | '+82 10-1234-5678 |  | ",
		"Mobile":          "'-5 55 |  |  | 010-9876-5432",
		"Job title":       "CTO |  | '+Sales | ",
		"Company":         "Hooli | Hooli |  | Acme Corp",
		"Other companies": "Acme Corp |  |  | ",
		"Tags":            "Beta, VIP | 고객 | danger | ",
		"State":           "verified | unverified | blocked | unverified",
		"External ID":     "A-1 |  |  | 0042",
		"About":           "Met at \"Expo\", 2024;\nlikes CSV, commas | '@mention me |  | ",
		"Created":         "2026-06-01T09:00:00Z | 2026-06-01T09:00:00Z | 2026-06-01T09:00:00Z | 2026-06-01T09:00:00Z",
	} {
		if got := joined(column(rows, name)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func TestNeutraliseCanBeTurnedOff(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	spec := all("name", "phone")
	spec.Neutralise = false
	rows := readCSV(t, e.export(t, spec))
	if got, want := joined(column(rows, "Phone")), "+1 555 0101 | +82 10-1234-5678 |  | "; got != want {
		t.Errorf("phones %q, want %q", got, want)
	}
	if bytes.HasPrefix(e.export(t, spec), []byte("\uFEFF")) {
		t.Error("a BOM was written without being asked for")
	}
}

func TestFieldsChoice(t *testing.T) {
	got, err := exports.ParseFields([]string{"tags", "name,emails"})
	if err != nil || joined(got) != "name | emails | tags" {
		t.Fatalf("ParseFields = %v, %v; want column order", got, err)
	}
	for _, bad := range [][]string{nil, {""}, {"name", "password"}} {
		if _, err := exports.ParseFields(bad); err == nil {
			t.Errorf("ParseFields(%q) accepted", bad)
		}
	}
	e := newEnv(t)
	e.sample(t)
	rows := readCSV(t, e.export(t, all("updated", "name", "mobile")))
	if joined(rows[0]) != "Name | Mobile | Updated" {
		t.Errorf("header %q, want only the chosen fields", rows[0])
	}
}

func TestFiltersHonoured(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	acme, err := e.st.CompanyByName(t.Context(), "Acme Corp")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		q    model.ContactQuery
		want string
	}{
		{"all but deleted", model.ContactQuery{}, "Ann Lee | 김민준 | '=HYPERLINK(\"http://x.example\") | 이서연"},
		{"view", model.ContactQuery{View: model.StateUnverified}, "김민준 | 이서연"},
		{"deleted view", model.ContactQuery{View: model.StateDeleted}, "Gone Person"},
		{"tag", model.ContactQuery{Tag: "vip"}, "Ann Lee"},
		{"company", model.ContactQuery{CompanyID: acme}, "Ann Lee | 이서연"},
		{"search", model.ContactQuery{Search: "김민"}, "김민준"},
		{"search and view", model.ContactQuery{Search: "acme", View: model.StateVerified}, "Ann Lee"},
		{"paging and sorting ignored", model.ContactQuery{View: model.StateUnverified, Sort: model.SortName, Desc: true, Page: 9, PerPage: 1}, "김민준 | 이서연"},
	} {
		spec := all("name")
		spec.Query = tc.q
		if got := joined(column(readCSV(t, e.export(t, spec)), "Name")); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestXLSXContent(t *testing.T) {
	e := newEnv(t)
	e.sample(t)
	spec := all()
	spec.Format = exports.FormatXLSX
	f, err := excelize.OpenReader(bytes.NewReader(e.export(t, spec)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Contacts")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[0][0] != "Name" || rows[2][0] != "김민준" || rows[3][0] != `=HYPERLINK("http://x.example")` {
		t.Fatalf("rows %q", rows)
	}
	if got := joined(column(rows, "Phone")); got != "+1 555 0101 | +82 10-1234-5678 |  | " {
		t.Errorf("phones %q", got)
	}
	if v, _ := f.GetCellValue("Contacts", "A3"); v != "김민준" {
		t.Errorf("A3 = %q", v)
	}
	// The formula-like name is a string cell in the Text format, and no
	// formula; a plain name keeps the default format.
	wantText(t, f, "A4", true)
	wantText(t, f, "A3", false)
}

// wantText checks that a cell is a string cell, not a formula, and
// whether it has the Text number format.
func wantText(t *testing.T, f *excelize.File, cell string, text bool) {
	t.Helper()
	if typ, err := f.GetCellType("Contacts", cell); err != nil || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
		t.Errorf("%s: type %v, %v, want a string", cell, typ, err)
	}
	if formula, _ := f.GetCellFormula("Contacts", cell); formula != "" {
		t.Errorf("%s: formula %q", cell, formula)
	}
	id, err := f.GetCellStyle("Contacts", cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || (st.NumFmt == 49) != text {
		t.Errorf("%s: number format %d, %v; want Text (49): %v", cell, st.NumFmt, err, text)
	}
}
