package imports

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/portico-hub/portico/app/model"
)

// WriteFailures writes an import's failed rows as CSV: the row number,
// the reason, then the row's cells under the file's own header, so the
// file can be fixed and imported again (the two extra columns are
// skipped by the suggested mapping). Cells that a spreadsheet would run
// as a formula get an apostrophe in front, which an import drops again.
func WriteFailures(ctx context.Context, d Deps, id int64, w io.Writer) error {
	im, err := d.Store.Import(ctx, id)
	if err != nil {
		return err
	}
	var header []string
	if f, err := d.openFile(im); err == nil {
		header = f.rd.Header()
		f.Close()
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(append([]string{"Row", "Reason"}, header...)); err != nil {
		return fmt.Errorf("imports: write failures: %w", err)
	}
	err = d.Store.ImportFailures(ctx, id, func(f model.ImportFailure) error {
		rec := []string{strconv.Itoa(f.Row), neutralise(f.Reason)}
		for _, c := range f.Cells {
			rec = append(rec, neutralise(c))
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// neutralise puts an apostrophe before a cell starting with =, +, -, @,
// tab or carriage return.
func neutralise(v string) string {
	if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') {
		return "'" + v
	}
	return v
}
