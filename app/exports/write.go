package exports

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// The formats an export writes.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// MaxXLSXRows is how many contacts fit on a worksheet under its header.
const MaxXLSXRows = 1<<20 - 1

// batchSize is how many contacts are read and written at a time.
const batchSize = 2000

// Spec says what a file holds and how it is written.
type Spec struct {
	Format string
	// Fields are field keys; the columns follow the order of Fields.
	Fields []string
	// Query selects the contacts by view, search and filters.
	Query model.ContactQuery
	BOM   bool
	// Neutralise keeps spreadsheets from running cells as formulas: an
	// apostrophe in front in CSV, a text cell format in Excel.
	Neutralise bool
}

// Progress hears how many rows are written, of how many, after each batch.
type Progress func(done, total int)

// Write writes the contacts a spec selects to w, in id order, and
// returns how many it wrote. Contacts are read one batch ahead of the
// writing, so reading the database and formatting the file overlap.
func Write(ctx context.Context, st *store.Store, s Spec, w io.Writer, progress Progress) (int, error) {
	fields, err := ParseFields(s.Fields)
	if err != nil {
		return 0, err
	}
	s.Fields = fields
	total, most, err := st.ExportSize(ctx, s.Query, needs(s.Fields).Emails)
	if err != nil {
		return 0, err
	}
	if s.Format == FormatXLSX && total > MaxXLSXRows {
		return 0, model.Invalid("format", fmt.Sprintf("An Excel sheet holds at most %d rows and this list has %d contacts; export it as CSV.", MaxXLSXRows, total))
	}
	// A workbook keeps its cells as text without an apostrophe (see
	// xlsxSheet); only CSV needs one.
	l := layout{fields: s.Fields, emails: max(1, most), neutralise: s.Neutralise && s.Format == FormatCSV}
	head := l.header()
	sh, err := newSheet(s.Format, w, s, len(head))
	if err != nil {
		return 0, err
	}
	if err := sh.write(head); err != nil {
		return 0, errors.Join(err, sh.close())
	}
	if progress != nil {
		progress(0, total)
	}
	done, err := copyRows(ctx, st, s, l, sh, func(n int) {
		if progress != nil {
			progress(n, max(total, n))
		}
	})
	if err != nil {
		sh.close()
		return done, err
	}
	return done, sh.close()
}

// copyRows reads batches in one goroutine and writes them in this one.
func copyRows(ctx context.Context, st *store.Store, s Spec, l layout, sh sheet, progress func(int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []model.Contact, 2)
	read := make(chan error, 1)
	go func() {
		defer close(batches)
		read <- st.EachContact(ctx, s.Query, needs(s.Fields), batchSize, func(cs []model.Contact) error {
			select {
			case batches <- cs:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	done, cells := 0, make([]string, 0, 32)
	for cs := range batches {
		for i := range cs {
			cells = l.row(&cs[i], cells[:0])
			if err := sh.write(cells); err != nil {
				cancel()
				for range batches {
				}
				return done, err
			}
		}
		done += len(cs)
		progress(done)
	}
	return done, <-read
}
