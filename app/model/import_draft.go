package model

import "time"

// ImportDraft is an uploaded file on its way through the import wizard,
// with the choices made so far. It belongs to the agent who uploaded it.
type ImportDraft struct {
	ID        int64
	CreatedBy int64
	Kind      string // contacts or companies: what the rows become
	Filename  string // as uploaded
	Path      string // where the upload is kept
	Size      int64
	Dialect   string // JSON, owned by the imports package
	Mapping   []string
	Mode      string
	Match     string
	Blank     string
	// SendActivation asks for the activation email to new contacts.
	SendActivation bool
	// DryRunID is the import that counts what the choices would do, or 0.
	DryRunID  int64
	CreatedAt time.Time
	UpdatedAt time.Time
}
