package importfile

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams one sheet of a workbook with excelize. Cells come
// formatted as Excel shows them, dates as YYYY-MM-DD; a formula cell
// gives its cached result and is never calculated.
type xlsxSource struct {
	f      *excelize.File
	rows   *excelize.Rows
	number int
	sheet  bookSheet
	sheets []string
	// first is the sheet's first non-blank row, read to tell a sheet
	// with data from an empty one and given back by next.
	first []string
}

const msgDamaged = "This Excel file cannot be read. Open it in Excel, save it again as Excel Workbook (.xlsx) and upload that."

// openXLSX opens the sheet named in d, or else the first sheet with
// data, reading only the parts that sheet needs.
func openXLSX(r io.ReaderAt, size int64, d Dialect, lim Limits) (*xlsxSource, error) {
	zr, err := openZip(r, size)
	if err != nil {
		return nil, err
	}
	b, err := readBook(zr)
	if err != nil {
		return nil, err
	}
	if len(b.sheets) == 0 {
		return nil, fileError(msgEmpty)
	}
	if d.Sheet != "" {
		i := slices.IndexFunc(b.sheets, func(s bookSheet) bool { return s.Name == d.Sheet })
		if i < 0 {
			return nil, fileError("This workbook has no sheet named “%s”. Choose another sheet.", d.Sheet)
		}
		src, err := openSheet(b, b.sheets[i], lim)
		if err == nil && src.first == nil {
			src.close()
			return nil, fileError("The sheet “%s” is empty. Choose another sheet.", d.Sheet)
		}
		return src, err
	}
	for _, sh := range b.sheets {
		src, err := openSheet(b, sh, lim)
		if err != nil || src.first != nil {
			return src, err
		}
		src.close()
	}
	return nil, fileError("Every sheet of this workbook is empty.")
}

// openSheet opens one sheet and reads up to its first non-blank row.
func openSheet(b *book, sh bookSheet, lim Limits) (*xlsxSource, error) {
	parts := append(slices.Clone(b.index), sh.part)
	if err := checkParts(parts, lim); err != nil {
		return nil, err
	}
	f, err := openParts(parts, lim)
	if err != nil {
		return nil, fileError(msgDamaged)
	}
	rows, err := f.Rows(sh.Name)
	if err != nil {
		f.Close()
		return nil, fileError(msgDamaged)
	}
	src := &xlsxSource{f: f, rows: rows, sheet: sh}
	for _, s := range b.sheets {
		src.sheets = append(src.sheets, s.Name)
	}
	first, _, _, err := src.read()
	if err != nil && !errors.Is(err, io.EOF) {
		src.close()
		return nil, err
	}
	src.first = first
	return src, nil
}

// next gives back the first row, then reads on.
func (s *xlsxSource) next() ([]string, int, string, error) {
	if s.first != nil {
		first := s.first
		s.first = nil
		return first, s.number, "", nil
	}
	return s.read()
}

// read skips blank rows; excelize yields rows missing from the sheet as
// empty, so counting calls gives the row number.
func (s *xlsxSource) read() ([]string, int, string, error) {
	for s.rows.Next() {
		s.number++
		cells, err := s.rows.Columns()
		if err != nil {
			return nil, 0, "", &FileError{Row: s.number, Message: msgDamaged}
		}
		if !blank(cells) {
			return cells, s.number, "", nil
		}
	}
	if err := s.rows.Error(); errors.Is(err, excelize.ErrMaxRows) {
		return nil, 0, "", &FileError{Row: s.number, Message: "The sheet has more rows than Excel allows."}
	} else if err != nil {
		return nil, 0, "", fmt.Errorf("importfile: read sheet: %w", err)
	}
	return nil, 0, "", io.EOF
}

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}

// sheetPart is the zip part of the sheet being read, for numericCells.
func (s *xlsxSource) sheetPart() *zip.File { return s.sheet.part }
