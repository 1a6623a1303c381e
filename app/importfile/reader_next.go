package importfile

import (
	"fmt"
	"strings"
)

// Next returns the next row, or io.EOF after the last one. Any other error
// is a *FileError that ends the file, or a failure to read it; once Next
// fails it keeps returning the same error.
func (r *Reader) Next() (Row, error) {
	if len(r.pending) > 0 {
		row := r.pending[0]
		r.pending = r.pending[1:]
		return row, nil
	}
	if r.err != nil {
		return Row{}, r.err
	}
	cells, number, problem, err := r.src.next()
	if err == nil {
		var row Row
		row, err = r.finish(cells, number, problem)
		if err == nil {
			return row, nil
		}
	}
	r.err = err
	return Row{}, err
}

// SkipTo passes over every row numbered n or lower, so the next call to
// Next returns the first row after n.
func (r *Reader) SkipTo(n int) error {
	for {
		row, err := r.Next()
		if err != nil {
			return err
		}
		if row.Number > n {
			r.pending = append([]Row{row}, r.pending...)
			return nil
		}
	}
}

// finish counts the row against MaxRows and fits it to the header.
func (r *Reader) finish(cells []string, number int, problem string) (Row, error) {
	r.rows++
	if r.rows > r.limits.MaxRows {
		return Row{}, &FileError{Row: number, Message: fmt.Sprintf(
			"The file has more than %d rows. Split it into smaller files.", r.limits.MaxRows)}
	}
	row := Row{Number: number, Problem: problem}
	row.Cells, row.Warning = r.fit(cells)
	if row.Problem == "" {
		row.Problem = r.longCell(row.Cells)
	} else {
		row.Warning = ""
	}
	return row, nil
}

// fit pads or cuts cells to the header's width and says so, unless the
// cut cells are blank or, in Excel, the row is merely short.
func (r *Reader) fit(cells []string) ([]string, string) {
	width := len(r.header)
	out := make([]string, width)
	copy(out, cells)
	switch {
	case len(cells) > width && !blank(cells[width:]):
		return out, fmt.Sprintf("This row has %d cells but the header has %d; the extra cells are ignored.", len(cells), width)
	case len(cells) < width && !r.shortIsNormal:
		return out, fmt.Sprintf("This row has %d cells but the header has %d; the missing cells are read as blank.", len(cells), width)
	}
	return out, ""
}

// longCell names the first cell longer than MaxCell.
func (r *Reader) longCell(cells []string) string {
	for i, c := range cells {
		if len(c) > r.limits.MaxCell {
			return fmt.Sprintf("Cell %s (%s) holds %d KB; a cell may hold at most %d KB.",
				columnName(i), r.header[i], len(c)>>10, r.limits.MaxCell>>10)
		}
	}
	return ""
}

// columnName is the spreadsheet letter of column i (0 → A, 26 → AA).
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// blank reports a record whose cells are all empty or white space.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
