// Package migrations embeds Portico's numbered SQL migrations. Files are
// named NNNN_name.sql, applied in order, one transaction each, and never
// edited once released: a change is a new file.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
