package importfile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openBook opens an Excel file held in memory in dialect d.
func openBook(t *testing.T, data []byte, d Dialect, lim Limits) (*Reader, error) {
	t.Helper()
	d.Kind = KindXLSX
	rd, err := Open(bytes.NewReader(data), int64(len(data)), d, lim)
	if err == nil {
		t.Cleanup(func() { rd.Close() })
	}
	return rd, err
}

// TestXLSXSkipsPartsItDoesNotRead reads a workbook whose pictures expand
// far beyond what the file may unpack: they are never unpacked, so they
// neither count nor take memory.
func TestXLSXSkipsPartsItDoesNotRead(t *testing.T) {
	files := bookIndex(map[string]string{"Sheet1": "worksheets/sheet1.xml"})
	files["xl/worksheets/sheet1.xml"] = sheetXMLOf("Name", "Email")
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range mustOpenZip(t, zipOf(t, files)).File {
		must(t, zw.Copy(f))
	}
	for i := range 5 {
		must(t, addBomb(zw, fmt.Sprintf("xl/media/image%d.png", i), 2<<20, 2<<20))
	}
	must(t, zw.Close())
	rd, err := openBook(t, out.Bytes(), Dialect{Header: true}, Limits{MaxExpanded: 4 << 20})
	if err != nil {
		t.Fatal(fileErr(err))
	}
	if !reflect.DeepEqual(rd.Header(), []string{"Name", "Email"}) {
		t.Errorf("header %q", rd.Header())
	}
}

// sheetsBook has an empty cover sheet, contacts under a title row on the
// second sheet, and a third sheet.
func sheetsBook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Cover"))
	for _, name := range []string{"Contacts", "Notes"} {
		_, err := f.NewSheet(name)
		must(t, err)
	}
	must(t, f.SetCellValue("Contacts", "A1", "Customer list, March"))
	must(t, f.SetSheetRow("Contacts", "A3", &[]any{"Name", "Email", "Phone"}))
	must(t, f.SetSheetRow("Contacts", "A4", &[]any{"Ann Lee", "ann@example.com", "010-1234-5678"}))
	must(t, f.SetCellValue("Notes", "A1", "nothing to import"))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

// TestXLSXSheetChoice reads the first sheet with data by default, the
// sheet asked for otherwise, and says which sheets there are.
func TestXLSXSheetChoice(t *testing.T) {
	data := sheetsBook(t)
	cases := []struct {
		sheet, read string
		header      []string
		err         string
	}{
		{"", "Contacts", []string{"Name", "Email", "Phone"}, ""},
		{"Notes", "Notes", []string{"nothing to import"}, ""},
		{"Cover", "", nil, "The sheet “Cover” is empty. Choose another sheet."},
		{"Gone", "", nil, "This workbook has no sheet named “Gone”. Choose another sheet."},
	}
	for _, tc := range cases {
		t.Run(tc.sheet, func(t *testing.T) {
			rd, err := openBook(t, data, Dialect{Header: true, Sheet: tc.sheet}, Limits{})
			if got := fileErr(err); got != tc.err {
				t.Fatalf("error %q, want %q", got, tc.err)
			}
			if err != nil {
				return
			}
			if rd.Sheet() != tc.read || !reflect.DeepEqual(rd.Sheets(), []string{"Cover", "Contacts", "Notes"}) {
				t.Errorf("read sheet %q of %q", rd.Sheet(), rd.Sheets())
			}
			if !reflect.DeepEqual(rd.Header(), tc.header) {
				t.Errorf("header %q, want %q", rd.Header(), tc.header)
			}
		})
	}
}
