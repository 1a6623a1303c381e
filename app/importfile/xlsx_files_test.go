package importfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbook builds an ordinary Excel file: contacts on the first sheet
// with a date, numbers, a formula, a blank row and a short row, and a
// second sheet that must be ignored.
func workbook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Contacts"
	must(t, f.SetSheetName("Sheet1", sheet))
	must(t, f.SetSheetRow(sheet, "A1", &[]any{"Name", "Email", "Phone", "Joined", "Score", "About"}))
	must(t, f.SetSheetRow(sheet, "A2", &[]any{"Ann Lee", "ann@example.com", 821012345678, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), nil, "=not a formula"}))
	must(t, f.SetCellFormula(sheet, "E2", "1+1"))
	must(t, f.SetSheetRow(sheet, "A4", &[]any{"Bo Kim", "bo@example.com"}))
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	must(t, f.SetCellStyle(sheet, "D2", "D2", style))
	_, err = f.NewSheet("Other")
	must(t, err)
	must(t, f.SetCellValue("Other", "A1", "not contacts"))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	// excelize writes no cached result for a formula; Excel does.
	return rezip(t, buf.Bytes(), func(name string, body []byte) []byte {
		return bytes.Replace(body, []byte("<f>1+1</f>"), []byte("<f>1+1</f><v>2</v>"), 1)
	})
}

// rezip copies a zip archive, letting edit change each entry's content.
func rezip(t testing.TB, data []byte, edit func(name string, body []byte) []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		body, err := io.ReadAll(rc)
		must(t, err)
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(edit(f.Name, body))
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// bomb builds a workbook whose part inflates to expanded bytes of
// spaces while declaring declared bytes; its other parts are minimal,
// with one sheet, xl/worksheets/sheet1.xml.
func bomb(t testing.TB, part string, expanded, declared uint64) []byte {
	files := bookIndex(map[string]string{"Sheet1": "worksheets/sheet1.xml"})
	if part != "xl/worksheets/sheet1.xml" {
		files["xl/worksheets/sheet1.xml"] = sheetXMLOf("Name", "Email")
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range mustOpenZip(t, zipOf(t, files)).File {
		must(t, zw.Copy(f))
	}
	must(t, addBomb(zw, part, expanded, declared))
	must(t, zw.Close())
	return out.Bytes()
}

// addBomb writes a part of expanded bytes of spaces, compressed as far as
// deflate goes, that declares declared bytes.
func addBomb(zw *zip.Writer, part string, expanded, declared uint64) error {
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestCompression)
	if err != nil {
		return err
	}
	crc := crc32.NewIEEE()
	chunk := []byte(strings.Repeat(" ", 1<<16))
	for n := uint64(0); n < expanded; n += uint64(len(chunk)) {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	if err := fw.Close(); err != nil {
		return err
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: declared})
	if err != nil {
		return err
	}
	_, err = w.Write(packed.Bytes())
	return err
}

// bookIndex is the parts that list a workbook's sheets, each sheet name
// with its part's target under xl/; the sheets' own parts are left out.
func bookIndex(sheets map[string]string) map[string]string {
	var list, rels strings.Builder
	i := 0
	for name, target := range sheets {
		i++
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, name, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>`, i, target)
	}
	return map[string]string{
		"[Content_Types].xml":        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`,
	}
}

// sheetXMLOf is a sheet of one row of inline strings.
func sheetXMLOf(cells ...string) string {
	var row strings.Builder
	for i, c := range cells {
		fmt.Fprintf(&row, `<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>`, columnName(i), c)
	}
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">` + row.String() + `</row></sheetData></worksheet>`
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// zipOf builds a zip archive of the given files.
func zipOf(t testing.TB, files map[string]string) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, body := range files {
		w, err := zw.Create(name)
		must(t, err)
		_, err = io.WriteString(w, body)
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

func mustOpenZip(t testing.TB, data []byte) *zip.Reader {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	return zr
}
