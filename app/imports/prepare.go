package imports

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// PreviewRows is how many rows a preview shows.
const PreviewRows = 20

// Preview is a file as the mapping and review steps show it.
type Preview struct {
	Kind    Kind
	Dialect importfile.Dialect
	Header  []string
	Mapping importfile.Mapping
	// Fields are what a column can be mapped to, for the kind's selects.
	Fields []importfile.Choice
	Rows   []PreviewRow
	// Sheets are an Excel file's sheets; HeaderChoices the rows that may
	// name the columns, the detected one first.
	Sheets        []string
	HeaderChoices []importfile.Row
	// Numeric are the columns of an Excel sheet that hold numbers.
	Numeric []int
}

// PreviewRow is one row as it will be imported, with each cell's error:
// as a contact in Record, or as a company in Company.
type PreviewRow struct {
	Row     importfile.Row
	Record  importfile.Record
	Company model.CompanyFields
	Errors  []importfile.CellError
}

// Prepare is PrepareFor of a contacts file.
func Prepare(path, name string, lim importfile.Limits) (*Preview, error) {
	return PrepareFor(KindContacts, path, name, lim)
}

// PrepareFor detects how to read a file of kind k and suggests a
// mapping, and shows the first rows with it. A file that cannot be read,
// or has a header and no rows, gives a *importfile.FileError worded for
// the person who chose it.
func PrepareFor(k Kind, path, name string, lim importfile.Limits) (*Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("imports: open %s: %w", name, err)
	}
	defer f.Close()
	head := make([]byte, importfile.HeadSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("imports: read %s: %w", name, err)
	}
	d, err := importfile.Detect(head[:n], name)
	if err != nil {
		return nil, err
	}
	p, err := PreviewFor(k, path, d, nil, lim)
	if err == nil && len(p.Rows) == 0 {
		return nil, &importfile.FileError{Message: "The file has no rows under its header: there is nothing to import."}
	}
	return p, err
}

// PreviewWith is PreviewFor of a contacts file.
func PreviewWith(path string, d importfile.Dialect, specs []string, lim importfile.Limits) (*Preview, error) {
	return PreviewFor(KindContacts, path, d, specs, lim)
}

// PreviewFor shows a file of kind k read in dialect d and mapped by
// specs, or by the suggested mapping when specs is nil: the step a
// person sees after overriding the dialect or changing the mapping.
func PreviewFor(k Kind, path string, d importfile.Dialect, specs []string, lim importfile.Limits) (*Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("imports: open: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("imports: stat: %w", err)
	}
	rd, err := importfile.Open(f, fi.Size(), d, lim)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	p := &Preview{Kind: k, Dialect: d, Header: rd.Header(), Mapping: suggestMapping(k, rd.Header()), Fields: Fields(k),
		Sheets: rd.Sheets(), HeaderChoices: rd.HeaderChoices(), Numeric: rd.NumericColumns()}
	p.Dialect.Sheet, p.Dialect.HeaderRow = rd.Sheet(), rd.HeaderRow()
	if specs != nil {
		if p.Mapping, err = parseMapping(k, rd.Header(), specs); err != nil {
			return nil, err
		}
	}
	for len(p.Rows) < PreviewRows {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		p.Rows = append(p.Rows, previewRow(k, p.Mapping, row))
	}
	return p, nil
}

// previewRow checks a row as a new contact or company of the file.
func previewRow(k Kind, m importfile.Mapping, row importfile.Row) PreviewRow {
	if k != KindCompanies {
		rec, errs := m.Apply(row)
		return PreviewRow{Row: row, Record: rec, Errors: errs}
	}
	pr := PreviewRow{Row: row}
	if row.Problem != "" {
		pr.Errors = []importfile.CellError{{Row: row.Number, Column: -1, Message: row.Problem}}
		return pr
	}
	r := parseCompany(m, row)
	f, err := validateCompany(r.in, r.bad)
	pr.Company, pr.Errors = f, m.Locate(row, err)
	return pr
}

// Sheets lists the sheets of the Excel file at path.
func Sheets(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("imports: open: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("imports: stat: %w", err)
	}
	return importfile.SheetNames(f, fi.Size())
}
