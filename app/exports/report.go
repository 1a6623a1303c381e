package exports

import (
	"context"
	"fmt"
	"io"

	"github.com/portico-hub/portico/app/model"
)

// ReportWriter writes a report export's file from the filters it kept,
// returning how many rows it wrote. The report's own package provides
// it, so exports need not know any report.
type ReportWriter func(ctx context.Context, e *model.Export, w io.Writer, progress Progress) (int, error)

// EmailAbove is how many rows a report export holds before its link is
// also emailed; a smaller one is ready on its page before anyone leaves.
const EmailAbove = 5000

// StartReport records a report export and queues its job, as Start does
// for contacts; report is the report's filters as a URL query and scope
// says in words what it holds.
func StartReport(ctx context.Context, d Deps, agent *model.Agent, format, report, scope string) (int64, error) {
	if format != FormatCSV && format != FormatXLSX {
		return 0, model.Invalid("format", "Choose CSV or Excel (.xlsx).")
	}
	e := model.Export{AgentID: agent.ID, Kind: model.ExportTimesheet, Format: format, Report: report, Scope: scope,
		BOM: format == FormatCSV, Neutralise: true}
	id, err := d.Store.CreateExport(ctx, e)
	if err != nil {
		return 0, err
	}
	return id, d.queue(ctx, agent, id)
}

// queue queues the job that writes export id.
func (d Deps) queue(ctx context.Context, agent *model.Agent, id int64) error {
	enqueue := d.Enqueue
	if enqueue == nil {
		enqueue = d.Store.EnqueueJob
	}
	jobID, err := enqueue(ctx, model.NewJob{Kind: JobKind, Payload: fmt.Sprintf(`{"export_id":%d}`, id), CreatedBy: agent.ID, MaxAttempts: 3})
	if err != nil {
		d.Store.FailExport(ctx, id, "The export could not be queued.")
		return err
	}
	return d.Store.SetExportJob(ctx, id, jobID)
}

// write writes an export's file, of contacts or of a report.
func (d Deps) write(ctx context.Context, e *model.Export, w io.Writer, progress Progress) (int, error) {
	if e.Kind != model.ExportTimesheet {
		return Write(ctx, d.Store, specOf(e), w, progress)
	}
	if d.Report == nil {
		return 0, fmt.Errorf("exports: no writer for report export %d", e.ID)
	}
	return d.Report(ctx, e, w, progress)
}

// ReportPath is the page of a report's export, whose download is at
// ReportPath + "/download".
func ReportPath(id int64) string { return fmt.Sprintf("/reports/timesheet/exports/%d", id) }

// Name is the file name a download gets.
func Name(e *model.Export) string {
	kind := e.Kind
	if kind == "" {
		kind = model.ExportContacts
	}
	return fmt.Sprintf("%s-%s-%d.%s", kind, e.CreatedAt.UTC().Format("2006-01-02"), e.ID, e.Format)
}
