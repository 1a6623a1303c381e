package web

import "github.com/portico-hub/portico/app/importfile"

// importLimit is one limit on an imported file, as the upload page's help
// lists it.
type importLimit struct {
	What, Limit string
}

// Limits lists what one file may hold, so a file too large, too wide or
// with an over-long row is not a surprise after the upload.
func (p importUploadPage) Limits() []importLimit {
	l := importfile.Limits{MaxBytes: p.MaxBytes, MaxRows: p.MaxRows}.WithDefaults()
	return []importLimit{
		{"File size", importfile.Size(l.MaxBytes)},
		{"Rows", number(l.MaxRows)},
		{"Columns", number(l.MaxColumns)},
		{"One row", importfile.Size(l.MaxRow())},
		{"One cell", importfile.Size(int64(l.MaxCell))},
	}
}
