package importfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
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

// bomb builds a workbook whose sheet inflates to expanded bytes of
// spaces while declaring declared bytes; its other parts are minimal.
func bomb(t testing.TB, part string, expanded, declared uint64) []byte {
	base := zipOf(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml":     `<workbook/>`,
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	must(t, zw.Copy(mustOpenZip(t, base).File[0]))
	must(t, zw.Copy(mustOpenZip(t, base).File[1]))
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestCompression)
	must(t, err)
	crc := crc32.NewIEEE()
	chunk := []byte(strings.Repeat(" ", 1<<16))
	for n := uint64(0); n < expanded; n += uint64(len(chunk)) {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	must(t, fw.Close())
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: declared})
	must(t, err)
	_, err = w.Write(packed.Bytes())
	must(t, err)
	must(t, zw.Close())
	return out.Bytes()
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
