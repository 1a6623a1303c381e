// Package views embeds the html/template files of Portico's pages: layouts,
// pages and the fragments HTMX swaps in. Fragment files start with "_".
package views

import "embed"

// FS holds every template.
//
//go:embed all:layouts all:auth all:portal all:contacts all:exports all:imports all:companies all:agents all:admin all:webhooks all:plugins all:crm all:errors all:tickets all:time all:reports
var FS embed.FS
