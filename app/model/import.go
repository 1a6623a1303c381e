package model

import "time"

// ImportCounts says what happened to an import's rows. Created + Updated
// + Skipped + Failed is the number of rows read, always.
type ImportCounts struct {
	Created, Updated, Skipped, Failed int
}

// Rows is the number of rows the counts account for.
func (c ImportCounts) Rows() int { return c.Created + c.Updated + c.Skipped + c.Failed }

// NotImported is how many of the file's rows an import never reached,
// as when it was cancelled: with the four counts, the file's rows.
func (im Import) NotImported() int { return max(im.RowsTotal-im.Rows(), 0) }

// Add returns the sum of two counts.
func (c ImportCounts) Add(d ImportCounts) ImportCounts {
	return ImportCounts{c.Created + d.Created, c.Updated + d.Updated, c.Skipped + d.Skipped, c.Failed + d.Failed}
}

// Import is one file imported, or being imported, into Portico.
type Import struct {
	ID       int64
	JobID    int64
	Kind     string // contacts or companies
	Filename string // as uploaded
	Path     string // where the file is kept
	Size     int64
	Dialect  string // JSON, owned by the imports package
	Mapping  []string
	Mode     string // create, update or upsert
	Match    string // email, external_id or phone; name for companies
	Blank    string // keep or clear
	// SendActivation asks for the activation email to new contacts.
	SendActivation bool
	DryRun         bool
	RowsTotal      int
	// LastRow is the number of the last row committed, as the file
	// numbers rows (the header is row 1).
	LastRow int
	ImportCounts
	State      JobState
	Error      string
	CreatedBy  int64
	CreatedAt  time.Time
	FinishedAt *time.Time
	// PluginInstanceID is set when the rows come from a plugin instance's
	// stream; SourceCursor resumes that stream after row SourceRow.
	PluginInstanceID int64
	SourceCursor     string
	SourceRow        int
}

// ImportFailure is one row an import could not apply.
type ImportFailure struct {
	Row    int
	Reason string
	Cells  []string
}
