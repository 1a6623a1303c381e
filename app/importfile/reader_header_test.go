package importfile

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHeaderRow finds the header under a title row, offers it first among
// the first rows, and takes the row a person picks instead.
func TestHeaderRow(t *testing.T) {
	csv := []byte("Customer list\n\nName,Email,Phone\nAnn Lee,ann@example.com,010\nBo Kim,bo@example.com,011\n")
	cases := []struct {
		name    string
		d       Dialect
		data    []byte
		header  []string
		first   int
		choices []int
	}{
		{"csv detected", Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true}, csv,
			[]string{"Name", "Email", "Phone"}, 4, []int{3, 1, 4, 5}},
		{"csv picked", Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true, HeaderRow: 1}, csv,
			[]string{"Customer list"}, 3, []int{3, 1, 4, 5}},
		{"csv picked past the rows offered", Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: true, HeaderRow: 4}, csv,
			[]string{"Ann Lee", "ann@example.com", "010"}, 5, []int{3, 1, 4, 5}},
		{"excel detected", Dialect{Kind: KindXLSX, Header: true}, sheetsBook(t),
			[]string{"Name", "Email", "Phone"}, 4, []int{3, 1, 4}},
		{"no header", Dialect{Kind: KindCSV, Encoding: UTF8, Delimiter: ',', Header: false, HeaderRow: 3}, csv,
			[]string{"Column A"}, 1, []int{3, 1, 4, 5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rd, err := Open(bytes.NewReader(tc.data), int64(len(tc.data)), tc.d, Limits{})
			must(t, err)
			defer rd.Close()
			if !reflect.DeepEqual(rd.Header(), tc.header) {
				t.Errorf("header %q, want %q", rd.Header(), tc.header)
			}
			row, err := rd.Next()
			must(t, err)
			if row.Number != tc.first {
				t.Errorf("first row %d, want %d", row.Number, tc.first)
			}
			var offered []int
			for _, c := range rd.HeaderChoices() {
				offered = append(offered, c.Number)
			}
			if !reflect.DeepEqual(offered, tc.choices) {
				t.Errorf("header rows offered %v, want %v", offered, tc.choices)
			}
		})
	}
}

// TestXLSXMergedHeader gives the second column under a header merged
// across two columns a column of its own, and tells which columns hold
// numbers, not text.
func TestXLSXMergedHeader(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Phone"}))
	must(t, f.MergeCell("Sheet1", "B1", "C1"))
	must(t, f.SetSheetRow("Sheet1", "A2", &[]any{"Ann Lee", "010-1234-5678", 1098765432}))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	rd, err := openBook(t, buf.Bytes(), Dialect{Header: true}, Limits{})
	must(t, err)
	if want := []string{"Name", "Phone", "Column C"}; !reflect.DeepEqual(rd.Header(), want) {
		t.Errorf("header %q, want %q", rd.Header(), want)
	}
	row, err := rd.Next()
	must(t, err)
	if want := []string{"Ann Lee", "010-1234-5678", "1098765432"}; !reflect.DeepEqual(row.Cells, want) || row.Warning != "" {
		t.Errorf("row %q (%s), want %q", row.Cells, row.Warning, want)
	}
	if got := rd.NumericColumns(); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("numeric columns %v, want [2]", got)
	}
}
