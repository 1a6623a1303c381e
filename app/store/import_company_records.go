package store

import (
	"context"
	"slices"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// CompanyIDs returns the ids of the companies with these names, compared
// as company names are, keyed by the name as given; a name no company has
// is left out. Unlike Companies, it creates none.
func (b *ImportTx) CompanyIDs(ctx context.Context, names []string) (map[string]int64, error) {
	byNorm := make(map[string]int64, len(names))
	norms := make([]any, len(names))
	for i, name := range names {
		norms[i] = companyNorm(name)
	}
	err := b.each(ctx, `SELECT name_norm, id FROM companies WHERE name_norm IN (%s)`, norms, func(scan func(...any) error) error {
		var norm string
		var id int64
		if err := scan(&norm, &id); err != nil {
			return err
		}
		byNorm[norm] = id
		return nil
	})
	out := make(map[string]int64, len(byNorm))
	for _, name := range names {
		if id, ok := byNorm[companyNorm(name)]; ok {
			out[name] = id
		}
	}
	return out, err
}

// DomainsHeld names, for each of domains that a company lists, the first
// such company by name: DomainHolders for many new companies at once.
func (b *ImportTx) DomainsHeld(ctx context.Context, domains []string) (map[string]string, error) {
	out := map[string]string{}
	err := b.each(ctx, `SELECT cd.domain, co.name FROM company_domains cd JOIN companies co ON co.id = cd.company_id
		WHERE cd.domain IN (%s) ORDER BY co.name_norm`, anys(domains), func(scan func(...any) error) error {
		var domain, name string
		if err := scan(&domain, &name); err != nil {
			return err
		}
		if _, ok := out[domain]; !ok {
			out[domain] = name
		}
		return nil
	})
	return out, err
}

// CreateCompanies adds new companies as CreateCompany does, each with its
// domains, audit entry and company.created event, by multi-row INSERTs,
// and links the contacts at their domains. The caller has checked in the
// batch's transaction that no company has these names or lists these
// domains, and that no two of fs share one; a refusal fails the batch.
func (b *ImportTx) CreateCompanies(ctx context.Context, fs []model.CompanyFields) error {
	if len(fs) == 0 {
		return nil
	}
	now := b.s.Now()
	rows := rowSet{head: `INSERT INTO companies (name, name_norm, description, notes, health_score, account_tier,
		renewal_date, industry, created_at, updated_at)`, tail: ` RETURNING id, name_norm`, cols: 10}
	rows.grow(len(fs))
	for i, f := range fs {
		rows.add(i, f.Name, companyNorm(f.Name), f.Description, f.Notes, f.HealthScore, f.AccountTier, f.RenewalDate, f.Industry, now, now)
	}
	ids := make(map[string]int64, len(fs))
	if err := b.returning(ctx, &rows, ids); err != nil {
		return err
	}
	domains := rowSet{head: `INSERT INTO company_domains (company_id, domain)`, cols: 2}
	audit := rowSet{head: `INSERT INTO audit_entries (subject_type, subject_id, actor_id, actor_name, action, changes, created_at)`, cols: 7}
	audit.grow(len(fs))
	var actorID any
	if b.actor.ID != 0 {
		actorID = b.actor.ID
	}
	evs := b.s.bulkEvents(b.tx)
	for i, f := range fs {
		id := ids[companyNorm(f.Name)]
		for _, d := range f.Domains {
			domains.add(i, id, d)
		}
		audit.add(i, "company", id, actorID, b.actor.Name, "created", "[]", now)
		co := model.Company{ID: id, Name: f.Name, Domains: slices.Sorted(slices.Values(f.Domains)), Description: f.Description,
			Notes: f.Notes, HealthScore: f.HealthScore, AccountTier: f.AccountTier, RenewalDate: f.RenewalDate,
			Industry: f.Industry, CreatedAt: now, UpdatedAt: now}
		if err := evs.add(events.CompanyCreated{Company: events.CompanyOf(&co)}, now); err != nil {
			return err
		}
	}
	if err := flushRows(ctx, b.tx, &domains, wrapped("company_domains")); err != nil {
		return err
	}
	if err := flushRows(ctx, b.tx, &audit, wrapped("audit_entries")); err != nil {
		return err
	}
	return b.linkNewDomains(ctx, fs, ids)
}

// linkNewDomains links the contacts at the new companies' domains, as
// listing a domain on the company form does. Only the domains some
// contact has an address at take more than the one lookup.
func (b *ImportTx) linkNewDomains(ctx context.Context, fs []model.CompanyFields, ids map[string]int64) error {
	owner := map[string]model.CompanyFields{}
	var all []any
	for _, f := range fs {
		for _, d := range f.Domains {
			owner[d] = f
			all = append(all, d)
		}
	}
	var used []string
	err := b.each(ctx, `SELECT DISTINCT domain FROM contact_emails WHERE domain IN (%s)`, all, func(scan func(...any) error) error {
		var d string
		err := scan(&d)
		used = append(used, d)
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(used)
	for _, d := range used {
		f := owner[d]
		if err := b.s.linkDomain(ctx, b.tx, b.actor, ids[companyNorm(f.Name)], f.Name, d); err != nil {
			return err
		}
	}
	return nil
}
