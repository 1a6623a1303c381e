package importfile

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams the first sheet of a workbook with excelize. Cells
// come formatted as Excel shows them, dates as YYYY-MM-DD; a formula cell
// gives its cached result and is never calculated.
type xlsxSource struct {
	f      *excelize.File
	rows   *excelize.Rows
	number int
}

const msgDamaged = "This Excel file cannot be read. Open it in Excel, save it again as Excel Workbook (.xlsx) and upload that."

func openXLSX(r io.ReaderAt, size int64, lim Limits) (*xlsxSource, error) {
	if err := checkZip(r, size, lim); err != nil {
		return nil, err
	}
	f, err := openWorkbook(r, size, excelize.Options{
		UnzipSizeLimit: lim.MaxExpanded, ShortDatePattern: "yyyy-mm-dd", LongDatePattern: "yyyy-mm-dd",
	})
	if err != nil {
		return nil, fileError(msgDamaged)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, fileError(msgEmpty)
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, fileError(msgDamaged)
	}
	return &xlsxSource{f: f, rows: rows}, nil
}

// openWorkbook lets excelize read a file on disk in place; any other
// reader is held in memory whole, as excelize needs random access.
func openWorkbook(r io.ReaderAt, size int64, opts excelize.Options) (*excelize.File, error) {
	if file, ok := r.(*os.File); ok {
		return excelize.OpenFile(file.Name(), opts)
	}
	return excelize.OpenReader(io.NewSectionReader(r, 0, size), opts)
}

// next skips blank rows; excelize yields rows missing from the sheet as
// empty, so counting calls gives the row number.
func (s *xlsxSource) next() ([]string, int, string, error) {
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
