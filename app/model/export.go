package model

import "time"

// ExportState is where an export is in its life.
type ExportState string

const (
	ExportQueued  ExportState = "queued"
	ExportRunning ExportState = "running"
	ExportDone    ExportState = "done"
	ExportFailed  ExportState = "failed"
	// ExportExpired is a finished export whose file has been deleted.
	ExportExpired ExportState = "expired"
)

// Export kinds: a list of contacts, or the Time Sheet Summary.
const (
	ExportContacts  = "contacts"
	ExportTimesheet = "timesheet"
)

// Export is a file of contacts, or of a report, that an agent asked for.
type Export struct {
	ID int64
	// Kind is ExportContacts or ExportTimesheet; Report holds a
	// report's filters as a URL query.
	Kind    string
	Report  string
	JobID   int64
	AgentID int64
	Format  string // csv or xlsx
	// Fields are the field keys, in column order.
	Fields []string
	// Query is the list the contacts come from: its view, search and
	// filters. Paging and sorting are ignored: an export is in id order.
	Query ContactQuery
	// Scope describes the list in words, as the agent saw it.
	Scope      string
	BOM        bool
	Neutralise bool
	Path       string
	Size       int64
	RowsTotal  int
	RowsDone   int
	State      ExportState
	Error      string
	CreatedAt  time.Time
	FinishedAt *time.Time
	ExpiresAt  *time.Time
}

// Expired reports whether the export's file is gone or past its expiry
// at now, even before a sweep has deleted it.
func (e *Export) Expired(now time.Time) bool {
	return e.State == ExportExpired || (e.ExpiresAt != nil && !now.Before(*e.ExpiresAt))
}

// StateAt is the state to show at now: a finished export past its
// expiry shows as expired before the sweep gets to it.
func (e *Export) StateAt(now time.Time) ExportState {
	if e.State == ExportDone && e.Expired(now) {
		return ExportExpired
	}
	return e.State
}

// Finished reports whether the export will never change again but by
// expiring.
func (e *Export) Finished() bool {
	return e.State == ExportDone || e.State == ExportFailed || e.State == ExportExpired
}
