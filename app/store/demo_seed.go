package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// CreateCompanyWithDomains inserts a company listing the given email
// domains, so that contacts inserted afterwards link to it. Sample data
// and benchmarks need only this much of a company.
func (s *Store) CreateCompanyWithDomains(ctx context.Context, actor model.Actor, name string, domains []string, industry string) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		err := tx.QueryRowContext(ctx, `INSERT INTO companies (name, name_norm, industry, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $4) RETURNING id`, name, strings.ToLower(strings.TrimSpace(name)), industry, now).Scan(&id)
		if isUnique(err, "name_norm") {
			return model.Invalid("name", "Another company already has this name.")
		}
		if err != nil {
			return fmt.Errorf("store: insert company %q: %w", name, err)
		}
		for _, d := range domains {
			_, err := tx.ExecContext(ctx, `INSERT INTO company_domains (company_id, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
				id, strings.ToLower(strings.TrimSpace(d)))
			if err != nil {
				return fmt.Errorf("store: domain %q of company %d: %w", d, id, err)
			}
		}
		return s.writeAudit(ctx, tx, actor, "company", id, "created", nil)
	})
	return id, err
}

// IsEmpty reports whether the database holds no contacts and no
// companies, the only state sample data may be loaded into.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var found bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM companies)`).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("store: is empty: %w", err)
	}
	return !found, nil
}
