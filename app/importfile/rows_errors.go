package importfile

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

// CellError is one problem with a row, placed on the cell it came from.
// Column is the column's index, or -1 when the problem is the whole row's.
type CellError struct {
	Row     int
	Column  int
	Header  string // the column's name, empty for the whole row
	Field   Field
	Message string
}

// Error reads "Row 5, E-mail 1 - Value (C): message", as the failed-rows
// file and the command line show it.
func (e CellError) Error() string {
	if e.Column < 0 {
		return fmt.Sprintf("Row %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("Row %d, %s (%s): %s", e.Row, e.Header, columnName(e.Column), e.Message)
}

// Locate places the messages of a contact validation error on the
// columns of row they came from. An importer that fills blank cells from
// an existing contact validates the merged input again and calls Locate.
func (m Mapping) Locate(row Row, err error) []CellError {
	if err == nil {
		return nil
	}
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []CellError
	for field, msg := range ve.Fields {
		col := m.blame(row, Field(field))
		if Field(field) == Email {
			if c, emsg := m.badEmail(row); c >= 0 {
				col, msg = c, emsg
			}
		}
		e := CellError{Row: row.Number, Column: col, Field: Field(field), Message: msg}
		if col >= 0 {
			e.Header = m.Header[col]
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b CellError) int {
		return cmp.Or(cmp.Compare(a.Column, b.Column), strings.Compare(string(a.Field), string(b.Field)))
	})
	return out
}

// blame picks the column a field's message belongs to: the field's own
// column, the first/last name column that made up the name, or -1.
func (m Mapping) blame(row Row, f Field) int {
	cols := m.columns(f)
	parts := append(m.columns(FirstName), m.columns(LastName)...)
	if f == Name && len(parts) > 0 && (len(cols) == 0 || strings.TrimSpace(row.cell(cols[0])) == "") {
		cols = parts
	}
	if f == Email || len(cols) == 0 {
		return -1
	}
	return cols[0]
}

// badEmail finds the first email column at which the row's addresses stop
// being valid, such as a malformed address or a repeat, and its message.
func (m Mapping) badEmail(row Row) (int, string) {
	var seen []string
	for _, c := range m.columns(Email) {
		seen = append(seen, addressList(row.cell(c))...)
		var ve *model.ValidationError
		if _, err := contact.Emails(seen); errors.As(err, &ve) {
			return c, ve.Fields["email"]
		}
	}
	return -1, ""
}
