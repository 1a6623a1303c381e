package exports

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// JobKind is the kind of the jobs that write exports.
const JobKind = "export"

// TTL is how long a finished export's file and link last.
const TTL = 7 * 24 * time.Hour

// Deps is what exports need from the rest of Portico.
type Deps struct {
	Store    *store.Store
	FilesDir string // files go in its exports folder
	Log      *slog.Logger
	// BaseURL starts the download link in the email.
	BaseURL string
	Mailer  *mail.Mailer
	// Enqueue queues a job; nil queues it in the store for the next
	// poll of a runner, which a runner's own Enqueue wakes at once.
	Enqueue func(context.Context, model.NewJob) (int64, error)
	// Report writes the files of report exports.
	Report ReportWriter
}

// Params is an export as an agent asked for it.
type Params struct {
	Spec
	// Scope describes the list in words, for the list of exports.
	Scope string
}

// Start checks an export, records it and queues its job; it returns the
// export's id. The file is written in the background and its agent gets
// an email when it is ready.
func Start(ctx context.Context, d Deps, agent *model.Agent, p Params) (int64, error) {
	fields, err := ParseFields(p.Fields)
	if err != nil {
		return 0, err
	}
	if p.Format != FormatCSV && p.Format != FormatXLSX {
		return 0, model.Invalid("format", "Choose CSV or Excel (.xlsx).")
	}
	q := p.Query
	e := model.Export{AgentID: agent.ID, Format: p.Format, Fields: fields, Scope: p.Scope, BOM: p.BOM && p.Format == FormatCSV,
		Neutralise: p.Neutralise, Query: model.ContactQuery{View: q.View, Search: q.Search, CompanyID: q.CompanyID, Tag: q.Tag, IDs: q.IDs}}
	id, err := d.Store.CreateExport(ctx, e)
	if err != nil {
		return 0, err
	}
	return id, d.queue(ctx, agent, id)
}

// Get returns an export of agent's; another agent's is not found, so
// nobody learns which exports exist.
func Get(ctx context.Context, d Deps, agent *model.Agent, id int64) (*model.Export, error) {
	e, err := d.Store.Export(ctx, id)
	if err != nil {
		return nil, err
	}
	if e.AgentID != agent.ID {
		return nil, fmt.Errorf("exports: export %d of another agent: %w", id, model.ErrNotFound)
	}
	return e, nil
}
