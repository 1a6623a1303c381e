package imports

import (
	"context"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// applyCompanies applies rows of companies in order, with the outcome
// applyCompany gives each, but creates the new companies together: a row
// naming a company that no earlier row of rows named and the database
// does not hold waits in a run of such rows, which one lookup of their
// domains plans and one multi-row write creates. Any other row applies on
// its own, after the run before it is written. A plugin's first import
// creates thousands of companies, and one at a time they cost more than
// its contacts.
func applyCompanies(ctx context.Context, b *store.ImportTx, pl *companyPlanner, rows []*companyRow) error {
	var names []string
	for _, r := range rows {
		if r.problem == "" {
			names = append(names, r.name)
		}
	}
	stored, err := b.CompanyIDs(ctx, names)
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(rows))
	var run []*companyRow
	for _, r := range rows {
		_, known := stored[r.name]
		switch {
		case r.problem != "":
			continue
		case known || seen[norm(r.name)]:
			if err := createRun(ctx, b, run); err != nil {
				return err
			}
			run = nil
			if _, err := applyCompany(ctx, b, pl, r); err != nil {
				return err
			}
		case pl.params.Mode != ModeUpdate:
			run = append(run, r)
		}
		seen[norm(r.name)] = true
	}
	return createRun(ctx, b, run)
}

// createRun creates the new companies of a run of rows, as planCreate and
// claim decide each: a row whose cells break the company rules, or that
// lists a domain a company or an earlier row of the run lists, creates
// nothing.
func createRun(ctx context.Context, b *store.ImportTx, run []*companyRow) error {
	fs := make([]model.CompanyFields, 0, len(run))
	var domains []string
	for _, r := range run {
		if f, err := validateCompany(r.in, r.bad); err == nil {
			fs, domains = append(fs, f), append(domains, f.Domains...)
		}
	}
	if len(fs) == 0 {
		return nil
	}
	taken, err := b.DomainsHeld(ctx, domains)
	if err != nil {
		return err
	}
	ok := fs[:0]
	for _, f := range fs {
		if !anyTaken(f.Domains, taken) {
			for _, d := range f.Domains {
				taken[d] = f.Name
			}
			ok = append(ok, f)
		}
	}
	return b.CreateCompanies(ctx, ok)
}

func anyTaken(domains []string, taken map[string]string) bool {
	for _, d := range domains {
		if _, ok := taken[d]; ok {
			return true
		}
	}
	return false
}
