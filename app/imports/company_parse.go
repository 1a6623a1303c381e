package imports

import (
	"errors"
	"io"
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// companyRow is a row of a companies file read and mapped.
type companyRow struct {
	row importfile.Row
	// in is the row as company input, and bad the cells it could not
	// read, by field (see companyInput).
	in  company.Input
	bad map[string]string
	// name is the cleaned name that finds the company, and problem why
	// the row fails whatever it matches: it could not be read, or it
	// has no name.
	name, problem string
}

// parseCompany maps a row of a companies file.
func parseCompany(m importfile.Mapping, row importfile.Row) *companyRow {
	r := &companyRow{row: row}
	if row.Problem != "" {
		r.problem = row.Problem
		return r
	}
	r.in, r.bad = companyInput(m.CompanyCells(row))
	f, _ := company.Input{Name: r.in.Name}.Validate()
	r.name = f.Name
	if r.name == "" {
		r.problem = reason(m.Locate(row, model.Invalid("name", "Enter the company's name.")))
	}
	return r
}

// norm is the form in which company names are compared.
func norm(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// domains are the row's valid domains, normalised; none when one is bad.
func (r *companyRow) domains() []string {
	ds, _ := company.Domains(r.in.Domains)
	return ds
}

// readCompanies reads up to n rows of a companies file; fewer at its end.
func (f *file) readCompanies(n int) ([]*companyRow, error) {
	var rows []*companyRow
	for len(rows) < n {
		row, err := f.rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, parseCompany(f.m, row))
	}
	return rows, nil
}
