package web

import (
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// reviewRow is one row as it will be imported.
type reviewRow struct {
	Number int
	Cells  []reviewCell
	// Problems are the row's messages that belong to no shown cell.
	Problems []string
}

// Failed reports a row that will not import as it is.
func (r reviewRow) Failed() bool {
	if len(r.Problems) > 0 {
		return true
	}
	for _, c := range r.Cells {
		if c.Error != "" {
			return true
		}
	}
	return false
}

// reviewCell is a field's value with its problem, if any.
type reviewCell struct {
	Value, Error string
}

// longToken is the length from which an unbroken run of characters may
// break anywhere in the review.
const longToken = 24

// Class is the cell's class list: cell-error for a problem, long-token
// for a value with an unbroken run too long to keep whole in a column.
func (c reviewCell) Class() string {
	var cls []string
	if c.Error != "" {
		cls = append(cls, "cell-error")
	}
	for _, w := range strings.Fields(c.Value) {
		if utf8.RuneCountInString(w) >= longToken {
			cls = append(cls, "long-token")
			break
		}
	}
	return strings.Join(cls, " ")
}

// reviewRows lays the preview out by the fields the mapping fills, as
// contacts or as companies.
func reviewRows(pre *imports.Preview) ([]string, []reviewRow) {
	shown, value := contactColumns(pre.Mapping), contactValue
	if pre.Kind == imports.KindCompanies {
		shown, value = companyColumns(pre.Mapping), companyValue
	}
	labels := make([]string, len(shown))
	for i, f := range shown {
		labels[i] = f.Label()
	}
	rows := make([]reviewRow, len(pre.Rows))
	for i, pr := range pre.Rows {
		r := reviewRow{Number: pr.Row.Number, Cells: make([]reviewCell, len(shown))}
		for j, f := range shown {
			r.Cells[j].Value = clip(value(pr, f))
		}
		for _, e := range pr.Errors {
			placeError(&r, pr.Row, shown, e)
		}
		rows[i] = r
	}
	return labels, rows
}

// addFailures gives a row that looks fine the reason the dry run
// failed it for; a row with its own errors already shows them.
func addFailures(rows []reviewRow, reasons map[int]string) {
	for i := range rows {
		if reason, ok := reasons[rows[i].Number]; ok && !rows[i].Failed() {
			rows[i].Problems = append(rows[i].Problems, reason)
		}
	}
}

// placeError puts a message on the cell of its field, or with the row's
// other problems. A cell the message makes blank, such as refused
// domains, shows what the file holds.
func placeError(r *reviewRow, row importfile.Row, shown []importfile.Field, e importfile.CellError) {
	for j, f := range shown {
		if f == e.Field && e.Field != "" {
			r.Cells[j].Error = strings.TrimSpace(r.Cells[j].Error + " " + e.Message)
			if r.Cells[j].Value == "" && e.Column >= 0 && e.Column < len(row.Cells) {
				r.Cells[j].Value = clip(row.Cells[e.Column])
			}
			return
		}
	}
	if e.Header != "" {
		r.Problems = append(r.Problems, e.Header+": "+e.Message)
		return
	}
	r.Problems = append(r.Problems, e.Message)
}

// clip shortens a long value to what a table cell shows.
func clip(v string) string {
	if r := []rune(v); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return v
}
