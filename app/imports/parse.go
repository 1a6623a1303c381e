package imports

import (
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/store"
)

// parsed is a row read and mapped, with the keys that find its contact.
type parsed struct {
	row  importfile.Row
	rec  importfile.Record
	errs []importfile.CellError
	// bad is set when the row fails whatever it matches: it could not be
	// read, or an address or company name is invalid.
	bad string
	// emails are its valid addresses, trimmed, and norms their
	// normalised forms; ext and phone are the cleaned values, and handle
	// the X handle in lower case, as handles are compared.
	emails, norms      []string
	ext, handle, phone string
	companies          []string
}

// parse maps a row and works out its keys.
func parse(m importfile.Mapping, row importfile.Row) *parsed {
	p := &parsed{row: row}
	p.rec, p.errs = m.Apply(row)
	if row.Problem != "" {
		p.bad = row.Problem
		return p
	}
	c := &p.rec.Checked
	if c.EmailsErr != nil {
		p.bad = reason(errsOn(p.errs, importfile.Email))
		return p
	}
	if p.rec.FlagErr() != nil {
		p.bad = reason(errsOn(p.errs, importfile.ViewAllTickets))
		return p
	}
	p.emails = c.Emails
	for _, e := range c.Emails {
		p.norms = append(p.norms, store.NormEmail(e))
	}
	p.ext, p.phone = c.Fields.ExternalID, or(c.Fields.Phone, c.Fields.Mobile)
	p.handle = strings.ToLower(c.Fields.TwitterID)
	for _, name := range p.rec.Companies {
		cf, err := company.Input{Name: name}.Validate()
		if err != nil {
			p.bad = "Company “" + name + "”: " + strings.TrimPrefix(err.Error(), "invalid input: name: ")
			return p
		}
		p.companies = append(p.companies, cf.Name)
	}
	return p
}

// errsOn keeps the errors of one field, or all when none is about it.
func errsOn(errs []importfile.CellError, f importfile.Field) []importfile.CellError {
	var out []importfile.CellError
	for _, e := range errs {
		if e.Field == f {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return errs
	}
	return out
}

// reason words cell errors for the failed-rows file: "Email: message".
func reason(errs []importfile.CellError) string {
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Message
		if e.Header != "" {
			parts[i] = e.Header + ": " + e.Message
		}
	}
	return strings.Join(parts, " ")
}

// keys are what a row touches when it writes: its addresses, its
// external id, X handle and number, and the contacts those lead to.
func (p *parsed) keys(l *store.ImportLookup, match Match) []string {
	out := make([]string, 0, len(p.norms)+4)
	for _, n := range p.norms {
		out = append(out, "e:"+n)
		if id, ok := l.ByEmail[n]; ok {
			out = append(out, contactKey(id))
		}
	}
	if p.ext != "" {
		out = append(out, "x:"+p.ext)
		if id, ok := l.ByExternal[p.ext]; ok {
			out = append(out, contactKey(id))
		}
	}
	if p.handle != "" {
		out = append(out, "t:"+p.handle)
		if id, ok := l.ByHandle[p.handle]; ok {
			out = append(out, contactKey(id))
		}
	}
	if p.phone != "" && match == MatchPhone {
		out = append(out, "p:"+p.phone)
		for _, id := range l.ByPhone[p.phone] {
			out = append(out, contactKey(id))
		}
	}
	return out
}
