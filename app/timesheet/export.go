package timesheet

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// Header is the export's columns: one row per entry.
var Header = []string{"Ticket", "Subject", "Company", "Contact", "Agent", "Date", "Note", "Billable", "Time (h:mm)", "Hours"}

// Row is an entry as a row of the export; a deleted ticket and a
// deactivated agent are labelled, as on screen.
func Row(e model.TimeEntry) []string {
	subject, agent := e.TicketSubject, e.AgentName
	if e.TicketGone {
		subject += " (deleted ticket)"
	}
	if !e.AgentActive {
		agent += " (deactivated)"
	}
	return []string{fmt.Sprint(e.TicketID), subject, e.CompanyName, e.ContactName, agent,
		e.WorkDate.Format(time.DateOnly), e.Note, yesNo(e.Billable), HHMM(e.Seconds), Decimal(e.Seconds)}
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// Writer writes the Time Sheet Summary's export files from the filters
// an export kept; exports.Deps.Report is its Write.
type Writer struct {
	Service *Service
}

// Write writes the entries the export's filters select, as CSV or as a
// workbook with a Summary sheet, and returns how many entries it wrote.
func (w Writer) Write(ctx context.Context, e *model.Export, out io.Writer, progress exports.Progress) (int, error) {
	v, err := url.ParseQuery(e.Report)
	if err != nil {
		return 0, model.Invalid("report", "The report's filters could not be read.")
	}
	f, err := ParseFilters(v, e.CreatedAt)
	if err != nil {
		return 0, err
	}
	if e.Format == exports.FormatXLSX {
		return w.workbook(ctx, f, out, progress)
	}
	return w.csv(ctx, f, out, progress)
}

func (w Writer) csv(ctx context.Context, f Filters, out io.Writer, progress exports.Progress) (int, error) {
	if _, err := io.WriteString(out, "\uFEFF"); err != nil {
		return 0, fmt.Errorf("timesheet: write: %w", err)
	}
	cw := csv.NewWriter(out)
	cw.Write(Header)
	n := 0
	err := w.Service.Store.EachTimeEntry(ctx, f.Query, 0, func(e model.TimeEntry) error {
		row := Row(e)
		for i := range row {
			row[i] = exports.Neutralise(row[i])
		}
		n++
		if n%1000 == 0 && progress != nil {
			progress(n, n)
		}
		return cw.Write(row)
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}
