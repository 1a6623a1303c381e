package importfile

import (
	"archive/zip"
	"io"
	"strings"
)

const (
	// maxZipParts is far above the parts of any real workbook.
	maxZipParts = 10_000
	// maxIndexPart caps each part read to list the sheets: the
	// workbook and its relationships.
	maxIndexPart = 4 << 20
	// MaxHeld caps, together, the parts excelize holds in memory: all
	// it is given but the sheet and the shared strings, which it streams
	// from temporary files. Real styles and workbooks take a few MB.
	MaxHeld = 16 << 20
)

// openZip opens a workbook's archive without unpacking anything, and
// tells a spreadsheet from other zip files, such as a .docx.
func openZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil || !hasWorkbook(zr) {
		return nil, fileError(msgNotCSVOrExcel)
	}
	if len(zr.File) > maxZipParts {
		return nil, fileError("This Excel file has more than %d parts, far more than a workbook has.", maxZipParts)
	}
	return zr, nil
}

// checkParts refuses a zip bomb among the parts that reading a sheet
// unpacks, before anything is unpacked; the workbook's other parts
// (pictures, drawings, comments, other sheets) are never read. It trusts
// the sizes the archive declares because archive/zip refuses to inflate
// an entry beyond its declared size, so a lie only makes reading fail.
func checkParts(parts []*zip.File, lim Limits) error {
	limit, total, held := uint64(lim.MaxExpanded), uint64(0), uint64(0)
	for _, f := range parts {
		if f.UncompressedSize64 > limit-total {
			return fileError("This Excel file expands to more than %s.", mb(lim.MaxExpanded))
		}
		total += f.UncompressedSize64
		if streamed(f.Name) {
			continue
		}
		if f.UncompressedSize64 > MaxHeld-held {
			return fileError("This Excel file expands to more than %s in %s.", mb(MaxHeld), f.Name)
		}
		held += f.UncompressedSize64
	}
	return nil
}

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
