package importfile

import (
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

// Record is a row as contact input. Blank cells stay blank: whether a
// blank clears a field or leaves it alone is the importer's choice.
type Record struct {
	Row   int
	Input contact.Input
	// Companies are the company names to link, blanks left out.
	Companies []string
	// ViewAllTickets is whether the contact sees every ticket of its
	// company, nil when the cell is blank or not mapped.
	ViewAllTickets *bool
	// Checked is Input as checked, so an importer need not check it again.
	Checked contact.Checked
	// badFlag says the ViewAllTickets cell is neither yes nor no.
	badFlag bool
}

// FlagErr is the problem of the row's ViewAllTickets cell, if any.
func (r Record) FlagErr() error {
	if !r.badFlag {
		return nil
	}
	return model.Invalid(string(ViewAllTickets), flagProblem)
}

// Has reports whether some column fills f, so an importer can tell a
// blank cell from a field the file does not carry.
func (m Mapping) Has(f Field) bool { return len(m.columns(f)) > 0 }

// Apply turns a row into a record and checks it as a new contact would be
// checked, with each problem placed on the cell it came from. A row the
// reader could not read gives one error for the whole row.
func (m Mapping) Apply(row Row) (Record, []CellError) {
	rec := Record{Row: row.Number}
	if row.Problem != "" {
		return rec, []CellError{{Row: row.Number, Column: -1, Message: row.Problem}}
	}
	first, last := m.fill(&rec, row)
	if strings.TrimSpace(rec.Input.Name) == "" {
		rec.Input.Name = joinName(first, last)
	}
	rec.Checked = rec.Input.Check()
	return rec, append(m.Locate(row, rec.Checked.Err), m.Locate(row, rec.FlagErr())...)
}

// fill copies each mapped cell into rec and returns the name parts.
func (m Mapping) fill(rec *Record, row Row) (first, last string) {
	in := &rec.Input
	for i, f := range m.Columns {
		v := unneutralise(row.cell(i))
		switch f {
		case Name, JobTitle, Phone, Mobile, ExternalID, TwitterID, Address, Language, TimeZone, About:
			*scalar(in, f) = v
		case FirstName:
			first = v
		case LastName:
			last = v
		case Email:
			in.Emails = append(in.Emails, addressList(v)...)
		case Tags:
			in.Tags = tagList(v)
		case Company:
			rec.Companies = append(rec.Companies, m.companyList(i, v)...)
		case ViewAllTickets:
			var ok bool
			rec.ViewAllTickets, ok = parseFlag(v)
			rec.badFlag = !ok
		}
	}
	return first, last
}

// addressList splits a cell holding several addresses, as Freshdesk's
// "Other emails" does ("a@example.com,b@example.com"); an address Portico
// accepts never holds a comma or a semicolon.
func addressList(v string) []string {
	if !strings.ContainsAny(v, ",;") {
		return []string{v}
	}
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' })
}

// companyList is the company names in column i: one name, or for a column
// of further companies ("Other companies") a list separated by semicolons
// or line breaks, as Portico's export writes it. Commas do not separate:
// they belong in names such as "Acme, Inc.".
func (m Mapping) companyList(i int, v string) []string {
	var out []string
	parts := []string{v}
	if moreCompanies[normalise(m.Header[i])] {
		parts = strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' })
	}
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// scalar points at the Input field that a one-value field fills.
func scalar(in *contact.Input, f Field) *string {
	switch f {
	case Name:
		return &in.Name
	case JobTitle:
		return &in.JobTitle
	case Phone:
		return &in.Phone
	case Mobile:
		return &in.Mobile
	case ExternalID:
		return &in.ExternalID
	case TwitterID:
		return &in.TwitterID
	case Address:
		return &in.Address
	case Language:
		return &in.Language
	case TimeZone:
		return &in.TimeZone
	}
	return &in.About
}

// unneutralise drops the apostrophe that an export puts before a cell
// starting with =, +, -, @, tab or carriage return, so such a cell reads
// back as it was. Nothing in a cell is ever evaluated.
func unneutralise(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.IndexByte("=+-@\t\r", v[1]) >= 0 {
		return v[1:]
	}
	return v
}

// cell is the text of column i, blank past the end of the row.
func (r Row) cell(i int) string {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}
