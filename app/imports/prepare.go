package imports

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/portico-hub/portico/app/importfile"
)

// PreviewRows is how many rows a preview shows.
const PreviewRows = 20

// Preview is a file as the mapping and review steps show it.
type Preview struct {
	Dialect importfile.Dialect
	Header  []string
	Mapping importfile.Mapping
	Rows    []PreviewRow
}

// PreviewRow is one row as it will be imported, with each cell's error.
type PreviewRow struct {
	Row    importfile.Row
	Record importfile.Record
	Errors []importfile.CellError
}

// Prepare detects how to read a file and suggests a mapping, and shows
// the first rows with it. A file that cannot be read gives a
// *importfile.FileError worded for the person who chose it.
func Prepare(path, name string, lim importfile.Limits) (*Preview, error) {
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
	return PreviewWith(path, d, nil, lim)
}

// PreviewWith shows a file read in dialect d and mapped by specs, or by
// the suggested mapping when specs is nil: the step a person sees after
// overriding the dialect or changing the mapping.
func PreviewWith(path string, d importfile.Dialect, specs []string, lim importfile.Limits) (*Preview, error) {
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
	p := &Preview{Dialect: d, Header: rd.Header(), Mapping: importfile.SuggestMapping(rd.Header())}
	if specs != nil {
		if p.Mapping, err = importfile.ParseMapping(rd.Header(), specs); err != nil {
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
		rec, errs := p.Mapping.Apply(row)
		p.Rows = append(p.Rows, PreviewRow{Row: row, Record: rec, Errors: errs})
	}
	return p, nil
}
