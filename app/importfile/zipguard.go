package importfile

import (
	"archive/zip"
	"io"
	"strings"
)

const (
	// maxZipParts is far above the parts of any real workbook.
	maxZipParts = 10_000
	// maxHeldPart caps a part that excelize unpacks into memory: all
	// but the worksheets and shared strings, which it streams from disk.
	maxHeldPart = 64 << 20
)

// checkZip refuses a zip bomb before excelize unpacks anything. It trusts
// the sizes the archive declares because archive/zip refuses to inflate an
// entry beyond its declared size, so a lie only makes reading fail.
func checkZip(r io.ReaderAt, size int64, lim Limits) error {
	zr, err := zip.NewReader(r, size)
	if err != nil || !hasWorkbook(zr) {
		return fileError(msgNotCSVOrExcel)
	}
	if len(zr.File) > maxZipParts {
		return fileError("This Excel file has more than %d parts, far more than a workbook has.", maxZipParts)
	}
	limit, total := uint64(lim.MaxExpanded), uint64(0)
	for _, f := range zr.File {
		if !streamed(f.Name) && f.UncompressedSize64 > maxHeldPart {
			return fileError("This Excel file expands to more than %s in %s.", mb(maxHeldPart), f.Name)
		}
		if f.UncompressedSize64 > limit-total {
			return fileError("This Excel file expands to more than %s.", mb(lim.MaxExpanded))
		}
		total += f.UncompressedSize64
	}
	return nil
}

// hasWorkbook tells a spreadsheet from other zip files, such as a .docx.
func hasWorkbook(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/") {
			return true
		}
	}
	return false
}

// streamed reports the parts excelize reads from a temporary file.
func streamed(name string) bool {
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
}
