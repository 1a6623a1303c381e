package web

import (
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/imports"
)

// companyReviewOrder is the order in which the review shows a companies
// file's fields.
var companyReviewOrder = []importfile.Field{importfile.Name, importfile.Domains, importfile.Industry,
	importfile.AccountTier, importfile.HealthScore, importfile.RenewalDate, importfile.Description, importfile.Notes}

// companyColumns are the fields the review shows for a companies file.
func companyColumns(m importfile.Mapping) []importfile.Field {
	var shown []importfile.Field
	for _, f := range companyReviewOrder {
		if m.Has(f) {
			shown = append(shown, f)
		}
	}
	return shown
}

// companyValue is what a row's company will store in field f, with the
// pick-list fields in the words the company page uses.
func companyValue(pr imports.PreviewRow, f importfile.Field) string {
	c := pr.Company
	switch f {
	case importfile.Domains:
		return strings.Join(c.Domains, ", ")
	case importfile.HealthScore:
		return company.Label(company.HealthScores, c.HealthScore)
	case importfile.AccountTier:
		return company.Label(company.AccountTiers, c.AccountTier)
	}
	return map[importfile.Field]string{importfile.Name: c.Name, importfile.Industry: c.Industry,
		importfile.RenewalDate: c.RenewalDate, importfile.Description: c.Description, importfile.Notes: c.Notes}[f]
}
