package importfile

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestXLSX reads an ordinary workbook: the first sheet only, cells as
// Excel shows them, a formula's cached result, and spreadsheet row numbers.
func TestXLSX(t *testing.T) {
	res := readAll(t, "contacts.xlsx", workbook(t), Limits{})
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.dialect != (Dialect{Kind: KindXLSX, Header: true}) {
		t.Errorf("dialect %+v", res.dialect)
	}
	if want := []string{"Name", "Email", "Phone", "Joined", "Score", "About"}; !reflect.DeepEqual(res.header, want) {
		t.Errorf("header %q", res.header)
	}
	want := []Row{
		{Number: 2, Cells: []string{"Ann Lee", "ann@example.com", "821012345678", "2024-03-05", "2", "=not a formula"}},
		{Number: 4, Cells: []string{"Bo Kim", "bo@example.com", "", "", "", ""}},
	}
	if !reflect.DeepEqual(res.rows, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", res.rows, want)
	}
}

// TestXLSXRefused checks the files an Excel import refuses before
// unpacking them, and those it cannot read.
func TestXLSXRefused(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		lim  Limits
		err  string
	}{
		{"sheet declares a terabyte", bomb(t, "xl/worksheets/sheet1.xml", 1<<20, 1<<40), Limits{}, "This Excel file expands to more than 1024 MB."},
		{"honest sheet over a lowered cap", bomb(t, "xl/worksheets/sheet1.xml", 1<<20, 1<<20), Limits{MaxExpanded: 512 << 10}, "This Excel file expands to more than 512 KB."},
		{"styles held in memory", bomb(t, "xl/styles.xml", 1<<20, 100<<20), Limits{}, "This Excel file expands to more than 16 MB in xl/styles.xml."},
		{"sheet lies about its size, read no further", bomb(t, "xl/worksheets/sheet1.xml", 4<<20, 1000), Limits{}, "Every sheet of this workbook is empty."},
		{"a zip that is no workbook", rezip(t, workbook(t), func(string, []byte) []byte { return nil }), Limits{}, msgDamaged},
		{"a word document", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"}), Limits{}, msgNotCSVOrExcel},
		{"a truncated workbook", workbook(t)[:2000], Limits{}, msgNotCSVOrExcel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, "contacts.xlsx", tc.data, tc.lim)
			if got := fileErr(res.err); got != tc.err {
				t.Errorf("error %q, want %q", got, tc.err)
			}
		})
	}
}

// TestXLSXFromDisk reads a workbook from a file on disk, which excelize
// reads in place instead of holding in memory.
func TestXLSXFromDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "contacts.xlsx")
	must(t, os.WriteFile(path, workbook(t), 0o600))
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	info, err := f.Stat()
	must(t, err)
	rd, err := Open(f, info.Size(), Dialect{Kind: KindXLSX, Header: true}, Limits{})
	must(t, err)
	defer rd.Close()
	var numbers []int
	for row, err := rd.Next(); err == nil; row, err = rd.Next() {
		numbers = append(numbers, row.Number)
	}
	if !reflect.DeepEqual(numbers, []int{2, 4}) {
		t.Errorf("row numbers %v, want [2 4]", numbers)
	}
}
