package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// rowQuerier is what both the reader pool and a write transaction offer,
// so one loader serves reads and read-then-write transactions alike.
type rowQuerier interface {
	querier
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// companyNorm is the form in which company names are compared.
func companyNorm(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// companyColumns include the count of live contacts, as the company's
// contact list and the "View all in Contacts" link show them.
const companyColumns = `co.id, co.name, co.description, co.notes, co.health_score, co.account_tier, co.renewal_date,
	co.industry, co.created_at, co.updated_at, co.live_contacts`

func scanCompany(row interface{ Scan(...any) error }) (*model.Company, error) {
	var co model.Company
	err := row.Scan(&co.ID, &co.Name, &co.Description, &co.Notes, &co.HealthScore, &co.AccountTier, &co.RenewalDate,
		&co.Industry, &co.CreatedAt, &co.UpdatedAt, &co.ContactCount)
	return &co, err
}

// Company returns a company with its domains and live contact count.
func (s *Store) Company(ctx context.Context, id int64) (*model.Company, error) {
	return loadCompany(ctx, s.r, id)
}

func loadCompany(ctx context.Context, q rowQuerier, id int64) (*model.Company, error) {
	co, err := scanCompany(q.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies co WHERE co.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "company", id)
	}
	co.Domains, err = strings1(ctx, q, `SELECT domain FROM company_domains WHERE company_id = $1 ORDER BY domain`, id)
	return co, err
}

// CompanyByName finds a company by its name, compared case-insensitively.
func (s *Store) CompanyByName(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM companies WHERE name_norm = $1`, companyNorm(name)).Scan(&id)
	if err != nil {
		return 0, notFound(err, "company named", name)
	}
	return id, nil
}

// companyTaken turns a clash on name_norm into an error naming the
// company that holds the name.
func companyTaken(ctx context.Context, tx *sql.Tx, err error, name string) error {
	if !isUnique(err, "name_norm") {
		return fmt.Errorf("store: write company %q: %w", name, err)
	}
	taken := &model.CompanyTakenError{}
	if err := tx.QueryRowContext(ctx, `SELECT id, name FROM companies WHERE name_norm = $1`, companyNorm(name)).Scan(&taken.ID, &taken.Name); err != nil {
		return fmt.Errorf("store: company holding %q: %w", name, err)
	}
	return taken
}

// diffCompany lists the fields that differ between two companies' fields.
func diffCompany(a, b model.CompanyFields) []model.Change {
	return changed([][3]string{
		{"name", a.Name, b.Name}, {"domains", strings.Join(a.Domains, ", "), strings.Join(b.Domains, ", ")},
		{"description", a.Description, b.Description}, {"notes", a.Notes, b.Notes},
		{"health_score", a.HealthScore, b.HealthScore}, {"account_tier", a.AccountTier, b.AccountTier},
		{"renewal_date", a.RenewalDate, b.RenewalDate}, {"industry", a.Industry, b.Industry},
	})
}
