package web

import (
	"strings"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// reviewOrder is the order in which the review shows the fields; first
// and last name columns show as the name they make up.
var reviewOrder = []importfile.Field{importfile.Name, importfile.Email, importfile.Phone, importfile.Mobile,
	importfile.TwitterID, importfile.Company, importfile.JobTitle, importfile.Tags, importfile.ExternalID,
	importfile.Address, importfile.Language, importfile.TimeZone, importfile.About}

// contactColumns are the fields the review shows for a contacts file.
func contactColumns(m importfile.Mapping) []importfile.Field {
	var shown []importfile.Field
	for _, f := range reviewOrder {
		if m.Has(f) || (f == importfile.Name && (m.Has(importfile.FirstName) || m.Has(importfile.LastName))) {
			shown = append(shown, f)
		}
	}
	return shown
}

// contactValue is what a row's contact will store in field f: a time
// zone or language as stored, "Seoul" as Asia/Seoul, and an X handle
// without its @.
func contactValue(pr imports.PreviewRow, f importfile.Field) string {
	rec := pr.Record
	in := rec.Input
	in.Language, in.TimeZone = rec.Checked.Fields.Language, rec.Checked.Fields.TimeZone
	in.TwitterID = rec.Checked.Fields.TwitterID
	switch f {
	case importfile.Name:
		return in.Name
	case importfile.Email:
		return strings.Join(nonBlank(in.Emails), ", ")
	case importfile.Company:
		return strings.Join(rec.Companies, ", ")
	case importfile.Tags:
		return in.Tags
	}
	return map[importfile.Field]string{importfile.Phone: in.Phone, importfile.Mobile: in.Mobile,
		importfile.JobTitle: in.JobTitle, importfile.ExternalID: in.ExternalID, importfile.Language: in.Language,
		importfile.TimeZone: in.TimeZone, importfile.About: in.About, importfile.TwitterID: in.TwitterID,
		importfile.Address: in.Address}[f]
}

func nonBlank(vs []string) []string {
	var out []string
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}
