package importfile

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

// streamAbove is the size above which excelize unpacks a sheet or the
// shared strings to a temporary file and streams it, instead of holding
// it in memory.
const streamAbove = 1 << 20

// openParts opens a workbook made of parts only. excelize reads every
// part of an archive into memory when it opens it, pictures and all, so
// it is given a copy holding just these: the parts are copied still
// compressed to a temporary archive, which is gone once excelize has
// read it.
func openParts(parts []*zip.File, lim Limits) (*excelize.File, error) {
	tmp, err := os.CreateTemp("", "portico-sheet-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("importfile: temporary workbook: %w", err)
	}
	defer os.Remove(tmp.Name())
	zw := zip.NewWriter(tmp)
	for _, p := range parts {
		if err = zw.Copy(p); err != nil {
			break
		}
	}
	if err = errors.Join(err, zw.Close(), tmp.Close()); err != nil {
		return nil, fmt.Errorf("importfile: temporary workbook: %w", err)
	}
	return excelize.OpenFile(tmp.Name(), excelize.Options{
		UnzipSizeLimit: lim.MaxExpanded, UnzipXMLSizeLimit: min(streamAbove, lim.MaxExpanded),
		ShortDatePattern: "yyyy-mm-dd", LongDatePattern: "yyyy-mm-dd",
	})
}
