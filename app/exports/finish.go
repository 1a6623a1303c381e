package exports

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

// Link is the download link of an export, as its email carries it. It
// works only for the agent who asked for the export, signed in.
func Link(baseURL string, id int64) string {
	return fmt.Sprintf("%s/contacts/exports/%d/download", baseURL, id)
}

// linkOf is the download link of a contact export or of a report's.
func linkOf(baseURL string, e *model.Export) string {
	if e.Kind == model.ExportTimesheet {
		return baseURL + ReportPath(e.ID) + "/download"
	}
	return Link(baseURL, e.ID)
}

// finish records the written file, expiring after TTL, together with
// the email that tells its agent.
func (d Deps) finish(ctx context.Context, e *model.Export, path string, rows int) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("exports: %w", err)
	}
	expires := d.Store.Now().Add(TTL)
	e.Path, e.Size, e.RowsDone, e.ExpiresAt = path, fi.Size(), rows, &expires
	m, err := d.email(ctx, e)
	if err != nil {
		return err
	}
	return d.Store.FinishExport(ctx, *e, m)
}

// email composes the "export ready" email to the export's agent; without
// a mailer (the command line) there is none.
func (d Deps) email(ctx context.Context, e *model.Export) (*model.NewMail, error) {
	if d.Mailer == nil || (e.Kind == model.ExportTimesheet && e.RowsDone <= EmailAbove) {
		return nil, nil
	}
	a, err := d.Store.AgentByID(ctx, e.AgentID)
	if err != nil {
		return nil, err
	}
	m, err := d.Mailer.Compose(ctx, mail.KeyExportReady, mail.Recipient{Name: a.Name, Address: a.Email},
		mail.Data{Link: linkOf(d.BaseURL, e), ExpiresIn: "7 days", ExportScope: or(e.Scope, "All contacts"),
			ExportFormat: formatNames[e.Format], ExportRows: rows(e),
			ExportCreated: e.CreatedAt.UTC().Format("2 Jan 2006 15:04 UTC")})
	return &m, err
}

// formatNames are the formats as the export dialog names them.
var formatNames = map[string]string{FormatCSV: "CSV", FormatXLSX: "Excel (.xlsx)"}

// rows words an export's count of rows: contacts, or time entries.
func rows(e *model.Export) string {
	if e.Kind != model.ExportTimesheet {
		return wording.Count(e.RowsDone, "contact")
	}
	return wording.CountOf(e.RowsDone, "time entry", "time entries")
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Sweep deletes the files of exports past their expiry and records them
// as expired; it returns how many it expired. A file already gone is
// fine: the export expires all the same.
func Sweep(ctx context.Context, d Deps) (int, error) {
	due, err := d.Store.DueExports(ctx, d.Store.Now())
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range due {
		if err := os.Remove(e.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return n, fmt.Errorf("exports: delete %s: %w", e.Path, err)
		}
		if err := d.Store.ExpireExport(ctx, e.ID); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
