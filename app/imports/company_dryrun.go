package imports

import (
	"context"
	"hash/maphash"
	"slices"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// dryRunCompanies counts what a companies import would do without
// writing a company, as dryRun does for contacts: what earlier rows would
// write is kept in an overlay, for the names and domains that occur more
// than once in the file, and later rows see it instead of the database.
func (d Deps) dryRunCompanies(ctx context.Context, im *model.Import, save func(Progress) error) error {
	o := &companyOverlay{seed: maphash.MakeSeed(), seen: map[uint64]uint8{}, byName: map[string]*model.Company{},
		byDomain: map[string]*model.Company{}}
	total, err := d.countCompanies(im, o.see)
	if err != nil {
		return err
	}
	if err := d.Store.BeginImport(ctx, im.ID, total); err != nil {
		return err
	}
	im.RowsTotal, im.LastRow, im.ImportCounts = total, 0, model.ImportCounts{}
	return d.runCompanies(ctx, im, o.apply, save)
}

// countCompanies reads the whole file once, showing each row to each.
func (d Deps) countCompanies(im *model.Import, each func(*companyRow)) (int, error) {
	f, err := d.openFile(im)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	for n := 0; ; n++ {
		rows, err := f.readCompanies(1)
		if err != nil {
			return 0, err
		}
		if len(rows) == 0 {
			return n, nil
		}
		each(rows[0])
	}
}

// companyOverlay is what a dry run's earlier rows would have written.
type companyOverlay struct {
	seed     maphash.Seed
	seen     map[uint64]uint8 // key hash → times seen, up to 2
	byName   map[string]*model.Company
	byDomain map[string]*model.Company
	next     int64 // the id of the last company made up, counting down
}

// keys are the name and domains by which a later row reaches a company.
func companyKeys(name string, domains []string) []string {
	out := []string{"n:" + norm(name)}
	for _, d := range domains {
		out = append(out, "d:"+d)
	}
	return out
}

func (o *companyOverlay) see(r *companyRow) {
	for _, k := range companyKeys(r.name, r.domains()) {
		if h := maphash.String(o.seed, k); o.seen[h] < 2 {
			o.seen[h]++
		}
	}
}

// apply is the dry run's applier: it plans against the database seen
// through the overlay and records instead of writing.
func (o *companyOverlay) apply(ctx context.Context, b *store.ImportTx, pl *companyPlanner, r *companyRow) (companyStep, error) {
	s, err := pl.plan(ctx, overlaid{o, b}, r)
	if err != nil || (s.out != outCreate && s.out != outUpdate) {
		return s, err
	}
	c := &model.Company{ID: s.id, Name: s.fields.Name, Domains: s.fields.Domains, Description: s.fields.Description,
		Notes: s.fields.Notes, HealthScore: s.fields.HealthScore, AccountTier: s.fields.AccountTier,
		RenewalDate: s.fields.RenewalDate, Industry: s.fields.Industry}
	if s.out == outCreate {
		o.next--
		c.ID = o.next
	}
	keys := companyKeys(c.Name, c.Domains)
	if !slices.ContainsFunc(keys, func(k string) bool { return o.seen[maphash.String(o.seed, k)] > 1 }) {
		return s, nil
	}
	o.byName[norm(c.Name)] = c
	for _, d := range c.Domains {
		o.byDomain[d] = c
	}
	return s, nil
}

// overlaid is the database as a dry run's earlier rows would have left it.
type overlaid struct {
	o *companyOverlay
	b *store.ImportTx
}

func (v overlaid) CompanyNamed(ctx context.Context, name string) (*model.Company, error) {
	if c, ok := v.o.byName[norm(name)]; ok {
		cp := *c
		return &cp, nil
	}
	return v.b.CompanyNamed(ctx, name)
}

func (v overlaid) DomainHolders(ctx context.Context, domains []string, self int64) (map[string]string, error) {
	held, err := v.b.DomainHolders(ctx, domains, self)
	if err != nil {
		return nil, err
	}
	for _, d := range domains {
		if c, ok := v.o.byDomain[d]; ok && c.ID != self {
			held[d] = c.Name
		}
	}
	return held, nil
}
