package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// emailDomain returns the part of an address after its last @.
func emailDomain(email string) string {
	i := strings.LastIndexByte(email, '@')
	if i < 0 {
		return ""
	}
	return NormEmail(email[i+1:])
}

// linkByDomain links a contact to the company whose domains include one of
// the addresses' domains, when exactly one company lists it. The first
// company linked becomes the default when the contact had none.
func (s *Store) linkByDomain(ctx context.Context, tx *sql.Tx, contactID int64, emails []string) error {
	for _, e := range emails {
		d := emailDomain(e)
		if d == "" {
			continue
		}
		ids, err := int64s(ctx, tx, `SELECT company_id FROM company_domains WHERE domain = $1 LIMIT 2`, d)
		if err != nil {
			return err
		}
		if len(ids) != 1 {
			continue
		}
		if err := s.link(ctx, tx, contactID, ids[0]); err != nil {
			return err
		}
	}
	return nil
}

// link adds a membership (if missing) and makes it the default when the
// contact has no default company.
func (s *Store) link(ctx context.Context, tx *sql.Tx, contactID, companyID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO contact_companies (contact_id, company_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, contactID, companyID, s.Now())
	if err != nil {
		return fmt.Errorf("store: link contact %d to company %d: %w", contactID, companyID, err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE contacts SET company_id = $1 WHERE id = $2 AND company_id IS NULL`, companyID, contactID)
	if err != nil {
		return fmt.Errorf("store: default company of %d: %w", contactID, err)
	}
	return nil
}

func int64s(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: scan: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
