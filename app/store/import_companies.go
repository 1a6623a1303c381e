package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// CompanyNamed returns the company with a name, compared as company names
// are (ignoring case), as the batch's transaction sees it: a row of a
// companies file finds what an earlier row of the same batch wrote.
func (b *ImportTx) CompanyNamed(ctx context.Context, name string) (*model.Company, error) {
	co, err := scanCompany(b.tx.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies co WHERE co.name_norm = $1`, companyNorm(name)))
	if err != nil {
		return nil, notFound(err, "company named", name)
	}
	co.Domains, err = strings1(ctx, b.tx, `SELECT domain FROM company_domains WHERE company_id = $1 ORDER BY domain`, co.ID)
	return co, err
}

// DomainHolders names, for each of domains listed by a company other than
// self, the first such company by name. An import refuses to list a
// domain twice, which would stop it linking contacts to either company.
func (b *ImportTx) DomainHolders(ctx context.Context, domains []string, self int64) (map[string]string, error) {
	out := map[string]string{}
	for _, d := range domains {
		var name string
		err := b.tx.QueryRowContext(ctx, `SELECT co.name FROM company_domains cd JOIN companies co ON co.id = cd.company_id
			WHERE cd.domain = $1 AND cd.company_id <> $2 ORDER BY co.name_norm LIMIT 1`, d, self).Scan(&name)
		switch {
		case err == nil:
			out[d] = name
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("store: holder of domain %s: %w", d, err)
		}
	}
	return out, nil
}

// CreateCompany adds a company as the company form does, linking the
// contacts at its domains. When the database refuses it, only this
// company is undone and the batch goes on.
func (b *ImportTx) CreateCompany(ctx context.Context, f model.CompanyFields) (int64, error) {
	var id int64
	err := b.savepoint(ctx, "import_company", func() error {
		var err error
		id, err = b.s.createCompany(ctx, b.tx, b.actor, f)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: import company %q: %w", f.Name, err)
	}
	return id, nil
}

// UpdateCompany replaces a company's fields and domains as the company
// form does, linking the contacts at its new domains.
func (b *ImportTx) UpdateCompany(ctx context.Context, id int64, f model.CompanyFields) error {
	err := b.savepoint(ctx, "import_company", func() error { return b.s.updateCompany(ctx, b.tx, b.actor, id, f) })
	if err != nil {
		return fmt.Errorf("store: import company %d: %w", id, err)
	}
	return nil
}
