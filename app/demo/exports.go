package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// pastExport is an export the admin wrote during the year. Its file was
// deleted a week after it was written, as every export's is.
type pastExport struct {
	day    int // days before now
	format string
	scope  string
	query  model.ContactQuery
	rows   int
}

var pastExports = []pastExport{
	{200, "csv", "All contacts", model.ContactQuery{}, 160},
	{95, "xlsx", "Verified contacts", model.ContactQuery{View: model.StateVerified}, 120},
	{40, "csv", "Contacts of Hooli", model.ContactQuery{CompanyID: 8}, 12},
	{12, "xlsx", "Contacts matching “김”", model.ContactQuery{Search: "김"}, 18},
}

// exportOverTheYear records the admin's past exports, each written a
// minute after it was asked for and expired a week later.
func exportOverTheYear(ctx context.Context, st *store.Store, y *year, admin model.Actor) error {
	if admin.ID == 0 {
		return nil
	}
	fields := []string{"name", "emails", "phone", "job_title", "companies", "tags", "state"}
	for _, p := range pastExports {
		at := y.now.AddDate(0, 0, -p.day).Add(-5 * time.Hour)
		y.st.Now = func() time.Time { return at }
		id, err := st.CreateExport(ctx, model.Export{Kind: model.ExportContacts, AgentID: admin.ID, Format: p.format,
			Fields: fields, Query: p.query, Scope: p.scope, BOM: true})
		if err != nil {
			return fmt.Errorf("demo: export: %w", err)
		}
		if err := st.BeginExport(ctx, id, p.rows); err != nil {
			return err
		}
		done := at.Add(time.Minute)
		y.st.Now = func() time.Time { return done }
		expires := done.Add(7 * 24 * time.Hour)
		e := model.Export{ID: id, Path: "", Size: int64(p.rows) * 140, RowsDone: p.rows, ExpiresAt: &expires}
		if err := st.FinishExport(ctx, e, nil); err != nil {
			return err
		}
		if err := st.ExpireExport(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
