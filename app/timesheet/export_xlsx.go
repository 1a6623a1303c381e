package timesheet

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// summaryHeader heads the workbook's Summary sheet.
var summaryHeader = []any{"Group", "Billable (h:mm)", "Non-billable (h:mm)", "Total (h:mm)",
	"Billable hours", "Non-billable hours", "Total hours", "Entries"}

// workbook writes a Summary sheet (the groups and grand totals, as on
// screen) and an Entries sheet with one row per entry. Hours are
// numbers, so a spreadsheet can sum them; text cells are never formulas.
func (w Writer) workbook(ctx context.Context, f Filters, out io.Writer, progress exports.Progress) (int, error) {
	r, err := w.Service.Summary(ctx, f)
	if err != nil {
		return 0, err
	}
	x := excelize.NewFile()
	defer x.Close()
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.SetSheetName("Sheet1", "Summary")
	if err := summarySheet(x, r, bold); err != nil {
		return 0, err
	}
	x.NewSheet("Entries")
	sw, err := x.NewStreamWriter("Entries")
	if err != nil {
		return 0, fmt.Errorf("timesheet: start workbook: %w", err)
	}
	head := make([]any, len(Header))
	for i, h := range Header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	sw.SetRow("A1", head)
	n := 0
	err = w.Service.Store.EachTimeEntry(ctx, f.Query, 0, func(e model.TimeEntry) error {
		n++
		if n%1000 == 0 && progress != nil {
			progress(n, n)
		}
		cells := Row(e)
		row := make([]any, len(cells))
		for i, c := range cells {
			row[i] = c
		}
		row[0], row[len(row)-1] = e.TicketID, float64(e.Seconds)/3600
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		return sw.SetRow(cell, row)
	})
	if err == nil {
		err = sw.Flush()
	}
	if err == nil {
		err = x.Write(out)
	}
	return n, err
}

func summarySheet(x *excelize.File, r *Report, bold int) error {
	rows := [][]any{{"Time Sheet Summary, " + r.Filters.From + " to " + r.Filters.To}, {}, summaryHeader}
	for _, g := range r.Groups {
		rows = append(rows, totalsRow(g.Label, g.TimeTotals))
	}
	if r.More > 0 {
		rows = append(rows, []any{fmt.Sprintf("%d more groups, in the totals below", r.More)})
	}
	rows = append(rows, totalsRow("Total", r.Totals))
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Summary", cell, &row); err != nil {
			return fmt.Errorf("timesheet: summary sheet: %w", err)
		}
	}
	x.SetCellStyle("Summary", "A1", "H3", bold)
	last := fmt.Sprintf("H%d", len(rows))
	x.SetCellStyle("Summary", fmt.Sprintf("A%d", len(rows)), last, bold)
	return x.SetColWidth("Summary", "A", "A", 40)
}

func totalsRow(label string, t model.TimeTotals) []any {
	return []any{label, HHMM(t.Billable), HHMM(t.NonBillable), HHMM(t.Total()),
		hours(t.Billable), hours(t.NonBillable), hours(t.Total()), t.Entries}
}

func hours(sec int64) float64 { return float64(sec) / 3600 }
