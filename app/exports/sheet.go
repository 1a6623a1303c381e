package exports

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// sheet writes rows of cells to a file in one format.
type sheet interface {
	write(cells []string) error
	// close finishes the file; nothing is complete before it returns.
	close() error
}

func newSheet(format string, w io.Writer, s Spec, columns int) (sheet, error) {
	switch format {
	case FormatCSV:
		return newCSV(w, s.BOM)
	case FormatXLSX:
		return newXLSX(w, columns, s.Neutralise)
	}
	return nil, fmt.Errorf("exports: unknown format %q", format)
}

// csvSheet writes RFC 4180 CSV in UTF-8, with a byte order mark first
// when asked, which Excel needs to read UTF-8 (Korean names) correctly.
type csvSheet struct {
	bw *bufio.Writer
	cw *csv.Writer
}

func newCSV(w io.Writer, bom bool) (*csvSheet, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	if bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return nil, fmt.Errorf("exports: write: %w", err)
		}
	}
	return &csvSheet{bw: bw, cw: csv.NewWriter(bw)}, nil
}

func (s *csvSheet) write(cells []string) error { return s.cw.Write(cells) }

func (s *csvSheet) close() error {
	s.cw.Flush()
	if err := s.cw.Error(); err != nil {
		return fmt.Errorf("exports: write: %w", err)
	}
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("exports: write: %w", err)
	}
	return nil
}

// xlsxSheet streams rows into one worksheet, "Contacts", with a bold,
// frozen header row; excelize keeps what does not fit in memory in a
// temporary file until close writes the workbook.
//
// Every cell is a string cell, which Excel never runs as a formula, so
// no apostrophe is needed. A cell that would read as a formula once
// edited also gets the Text number format ("@"), under which Excel keeps
// what is typed as text; excelize offers no quotePrefix style.
type xlsxSheet struct {
	w    io.Writer
	f    *excelize.File
	sw   *excelize.StreamWriter
	row  int
	bold int
	// text is the Text format's style, 0 when cells are written as they are.
	text int
	vals []any
}

// numFmtText is the built-in number format "@", Text.
const numFmtText = 49

func newXLSX(w io.Writer, columns int, neutralise bool) (*xlsxSheet, error) {
	f := excelize.NewFile()
	s := &xlsxSheet{w: w, f: f}
	err := f.SetSheetName("Sheet1", "Contacts")
	if err == nil {
		s.sw, err = f.NewStreamWriter("Contacts")
	}
	if err == nil {
		s.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	}
	if err == nil && neutralise {
		s.text, err = f.NewStyle(&excelize.Style{NumFmt: numFmtText})
	}
	if err == nil {
		err = s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if err == nil {
		err = s.sw.SetColWidth(1, max(columns, 1), 22)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("exports: start workbook: %w", err)
	}
	return s, nil
}

// write sets one row; blank cells are left out of the file.
func (s *xlsxSheet) write(cells []string) error {
	s.row++
	s.vals = s.vals[:0]
	for _, c := range cells {
		switch {
		case s.row == 1:
			s.vals = append(s.vals, excelize.Cell{StyleID: s.bold, Value: c})
		case c == "":
			s.vals = append(s.vals, nil)
		case s.text != 0 && risky(c):
			s.vals = append(s.vals, excelize.Cell{StyleID: s.text, Value: c})
		default:
			s.vals = append(s.vals, c)
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err == nil {
		err = s.sw.SetRow(cell, s.vals)
	}
	if err != nil {
		return fmt.Errorf("exports: row %d: %w", s.row, err)
	}
	return nil
}

func (s *xlsxSheet) close() error {
	defer s.f.Close()
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("exports: finish workbook: %w", err)
	}
	if err := s.f.Write(s.w); err != nil {
		return fmt.Errorf("exports: write workbook: %w", err)
	}
	return nil
}
