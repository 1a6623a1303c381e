package web

import (
	"strings"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// reviewOrder is the order in which the review shows the fields; first
// and last name columns show as the name they make up.
var reviewOrder = []importfile.Field{importfile.Name, importfile.Email, importfile.Phone, importfile.Mobile,
	importfile.Company, importfile.JobTitle, importfile.Tags, importfile.ExternalID, importfile.Language,
	importfile.TimeZone, importfile.About}

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

// reviewRows lays the preview out by the fields the mapping fills.
func reviewRows(pre *imports.Preview) ([]string, []reviewRow) {
	m := pre.Mapping
	var shown []importfile.Field
	var labels []string
	for _, f := range reviewOrder {
		if m.Has(f) || (f == importfile.Name && (m.Has(importfile.FirstName) || m.Has(importfile.LastName))) {
			shown, labels = append(shown, f), append(labels, f.Label())
		}
	}
	rows := make([]reviewRow, len(pre.Rows))
	for i, pr := range pre.Rows {
		r := reviewRow{Number: pr.Row.Number, Cells: make([]reviewCell, len(shown))}
		for j, f := range shown {
			r.Cells[j].Value = recordValue(pr.Record, f)
		}
		for _, e := range pr.Errors {
			placeError(&r, shown, e)
		}
		rows[i] = r
	}
	return labels, rows
}

// placeError puts a message on the cell of its field, or with the row's
// other problems.
func placeError(r *reviewRow, shown []importfile.Field, e importfile.CellError) {
	for j, f := range shown {
		if f == e.Field && e.Field != "" {
			r.Cells[j].Error = strings.TrimSpace(r.Cells[j].Error + " " + e.Message)
			return
		}
	}
	if e.Header != "" {
		r.Problems = append(r.Problems, e.Header+": "+e.Message)
		return
	}
	r.Problems = append(r.Problems, e.Message)
}

// recordValue is what a record will store in field f.
func recordValue(rec importfile.Record, f importfile.Field) string {
	in := rec.Input
	switch f {
	case importfile.Name:
		return in.Name
	case importfile.Email:
		return strings.Join(nonBlank(in.Emails), ", ")
	case importfile.Company:
		return strings.Join(rec.Companies, ", ")
	case importfile.Tags:
		return in.Tags
	}
	v := map[importfile.Field]string{importfile.Phone: in.Phone, importfile.Mobile: in.Mobile,
		importfile.JobTitle: in.JobTitle, importfile.ExternalID: in.ExternalID, importfile.Language: in.Language,
		importfile.TimeZone: in.TimeZone, importfile.About: in.About}[f]
	if r := []rune(v); len(r) > 120 {
		v = string(r[:120]) + "…"
	}
	return v
}

func nonBlank(vs []string) []string {
	var out []string
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}
