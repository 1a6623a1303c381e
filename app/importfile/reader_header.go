package importfile

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// headerScan is how many of the first non-blank rows are offered as the
// header row, and looked at to guess it.
const headerScan = 10

// HeaderChoices returns the first rows of the file, each a row that may
// name the columns: the detected one first, then the others in order.
func (r *Reader) HeaderChoices() []Row {
	out := slices.Clone(r.choices)
	slices.SortStableFunc(out, func(a, b Row) int {
		switch {
		case a.Number == r.detected:
			return -1
		case b.Number == r.detected:
			return 1
		}
		return 0
	})
	return out
}

// HeaderRow is the number of the row that names the columns, or zero
// when the columns are named by letter.
func (r *Reader) HeaderRow() int { return r.headerRow }

// DetectedHeader is the number of the row guessed to name the columns.
func (r *Reader) DetectedHeader() int { return r.detected }

// readHeader takes the header row d asks for, or the detected one, as
// the column names and drops the rows above it. Without a header the
// columns are named by letter and the first row is data.
func (r *Reader) readHeader(d Dialect) error {
	rows, err := r.scan()
	if err != nil {
		return err
	}
	r.choices, r.detected = rows, detectHeader(rows)
	if d.Header {
		if rows, err = r.dropAbove(rows, cmp.Or(d.HeaderRow, r.detected)); err != nil {
			return err
		}
		if rows[0].Problem != "" {
			return &FileError{Row: rows[0].Number, Message: "The header row cannot be read. " + rows[0].Problem}
		}
		r.header, r.headerRow, rows = names(rows[0].Cells), rows[0].Number, rows[1:]
	} else {
		r.header = names(make([]string, len(rows[0].Cells)))
	}
	r.widen(rows)
	if len(r.header) > r.limits.MaxColumns {
		return &FileError{Row: cmp.Or(r.headerRow, rows[0].Number), Message: fmt.Sprintf(
			"This file has %d columns; an import reads at most %d. Delete the columns you do not need and upload it again.",
			len(r.header), r.limits.MaxColumns)}
	}
	for _, raw := range rows {
		row, err := r.finish(raw.Cells, raw.Number, raw.Problem)
		if err != nil {
			r.err = err
			break
		}
		r.pending = append(r.pending, row)
	}
	return nil
}

// scan reads the first non-blank rows, copying their cells, which a
// source may reuse. An error after the first row is kept for Next to
// return after the rows before it.
func (r *Reader) scan() ([]Row, error) {
	var rows []Row
	for len(rows) < headerScan {
		cells, number, problem, err := r.src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && len(rows) > 0 {
			r.err = err
			break
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, Row{Number: number, Cells: slices.Clone(cells), Problem: problem})
	}
	if len(rows) == 0 {
		return nil, fileError(msgEmpty)
	}
	return rows, nil
}

// dropAbove drops the rows above row n, reading on past the scanned rows
// when n lies further down.
func (r *Reader) dropAbove(rows []Row, n int) ([]Row, error) {
	for len(rows) > 0 && rows[0].Number < n {
		rows = rows[1:]
	}
	for len(rows) == 0 {
		if r.err != nil {
			return nil, r.err
		}
		cells, number, problem, err := r.src.next()
		if errors.Is(err, io.EOF) {
			return nil, &FileError{Message: "The header row asked for is past the end of the file. Choose another header row."}
		}
		if err != nil {
			return nil, err
		}
		if number >= n {
			rows = append(rows, Row{Number: number, Cells: slices.Clone(cells), Problem: problem})
		}
	}
	return rows, nil
}

// detectHeader guesses the header: the first row filled across more than
// half the width of the widest of the first rows. A title above the
// table fills one cell or two, while a header leaves few blank, and a
// header merged across two columns still fills more than half.
func detectHeader(rows []Row) int {
	widest := 0
	for _, r := range rows {
		widest = max(widest, filled(r.Cells))
	}
	for _, r := range rows {
		if 2*filled(r.Cells) > widest {
			return r.Number
		}
	}
	return rows[0].Number
}

// filled counts the non-blank cells.
func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// widen gives an Excel file's header a column for each cell the first
// rows fill past its end: a header cell merged across two columns leaves
// the second blank, and its data would otherwise be dropped. Such a
// column is named by its letter, so it can be mapped on its own.
func (r *Reader) widen(rows []Row) {
	if !r.shortIsNormal {
		return
	}
	width := len(r.header)
	for _, row := range rows {
		for i := len(row.Cells) - 1; i >= width; i-- {
			if strings.TrimSpace(row.Cells[i]) != "" {
				width = i + 1
			}
		}
	}
	for i := len(r.header); i < width; i++ {
		r.header = append(r.header, "Column "+columnName(i))
	}
}

// names makes column names of a header row's cells; a blank one is named
// by its letter, "Column C", so every column can be shown and mapped.
func names(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
		if out[i] == "" {
			out[i] = "Column " + columnName(i)
		}
	}
	return out
}
