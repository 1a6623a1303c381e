package imports

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// companyStep is a row's outcome and what it writes.
type companyStep struct {
	r      *companyRow
	out    outcome
	reason string
	id     int64 // the company an update changes
	fields model.CompanyFields
}

func (s companyStep) fail(why string) companyStep {
	s.out, s.reason = outFail, why
	return s
}

// companyView is what planning reads: the batch's transaction, or for a
// dry run the database as the earlier rows would have left it.
type companyView interface {
	CompanyNamed(ctx context.Context, name string) (*model.Company, error)
	DomainHolders(ctx context.Context, domains []string, self int64) (map[string]string, error)
}

// companyPlanner decides the rows of a companies file.
type companyPlanner struct {
	m      importfile.Mapping
	params Params
}

// plan decides one row against what v shows.
func (pl *companyPlanner) plan(ctx context.Context, v companyView, r *companyRow) (companyStep, error) {
	s := companyStep{r: r}
	if r.problem != "" {
		return s.fail(r.problem), nil
	}
	old, err := v.CompanyNamed(ctx, r.name)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return pl.planCreate(ctx, v, s)
	case err != nil:
		return s, err
	}
	return pl.planUpdate(ctx, v, s, old)
}

func (pl *companyPlanner) planCreate(ctx context.Context, v companyView, s companyStep) (companyStep, error) {
	if pl.params.Mode == ModeUpdate {
		return s, nil
	}
	f, err := validateCompany(s.r.in, s.r.bad)
	if err != nil {
		return s.fail(reason(pl.m.Locate(s.r.row, err))), nil
	}
	return pl.claim(ctx, v, s, outCreate, f, f.Domains)
}

// planUpdate lays the row over the stored company. A row never renames
// a company, whose name is what found it, and never removes a domain.
func (pl *companyPlanner) planUpdate(ctx context.Context, v companyView, s companyStep, old *model.Company) (companyStep, error) {
	if pl.params.Mode == ModeCreate {
		return s, nil
	}
	f, err := validateCompany(pl.merged(s.r, old), s.r.bad)
	switch {
	case err != nil:
		return s.fail(reason(pl.m.Locate(s.r.row, err))), nil
	case sameCompany(old.Fields(), f):
		return s, nil
	}
	s.id = old.ID
	var added []string
	for _, d := range f.Domains {
		if !slices.Contains(old.Domains, d) {
			added = append(added, d)
		}
	}
	return pl.claim(ctx, v, s, outUpdate, f, added)
}

// claim plans the write when no other company lists a domain the row
// adds: a domain listed twice links contacts to neither company.
func (pl *companyPlanner) claim(ctx context.Context, v companyView, s companyStep, out outcome, f model.CompanyFields, added []string) (companyStep, error) {
	held, err := v.DomainHolders(ctx, added, s.id)
	if err != nil {
		return s, err
	}
	for _, d := range added {
		if name, ok := held[d]; ok {
			msg := fmt.Sprintf("%s is already a domain of the company “%s”.", d, name)
			return s.fail(reason(pl.m.Locate(s.r.row, model.Invalid("domains", msg)))), nil
		}
	}
	s.out, s.fields = out, f
	return s, nil
}

// merged is the stored company with the row's mapped cells laid over it,
// blanks kept or cleared as the import asks, and the row's domains added.
func (pl *companyPlanner) merged(r *companyRow, old *model.Company) company.Input {
	in := company.Input{Name: old.Name, Description: old.Description, Notes: old.Notes, HealthScore: old.HealthScore,
		AccountTier: old.AccountTier, RenewalDate: old.RenewalDate, Industry: old.Industry,
		Domains: strings.Join(append(slices.Clone(old.Domains), r.in.Domains), ",")}
	for _, o := range []struct {
		f    importfile.Field
		dst  *string
		cell string
	}{
		{importfile.Description, &in.Description, r.in.Description}, {importfile.Notes, &in.Notes, r.in.Notes},
		{importfile.HealthScore, &in.HealthScore, r.in.HealthScore}, {importfile.AccountTier, &in.AccountTier, r.in.AccountTier},
		{importfile.RenewalDate, &in.RenewalDate, r.in.RenewalDate}, {importfile.Industry, &in.Industry, r.in.Industry},
	} {
		switch {
		case !pl.m.Has(o.f):
		case strings.TrimSpace(o.cell) != "":
			*o.dst = o.cell
		case pl.params.Blank == BlankClear:
			*o.dst = ""
		}
	}
	return in
}

func sameCompany(a, b model.CompanyFields) bool {
	return a.Name == b.Name && slices.Equal(a.Domains, b.Domains) && a.Description == b.Description && a.Notes == b.Notes &&
		a.HealthScore == b.HealthScore && a.AccountTier == b.AccountTier && a.RenewalDate == b.RenewalDate && a.Industry == b.Industry
}
