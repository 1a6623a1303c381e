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

// linked is what linking a contact to a company changed, for the
// contact.updated event of the change that linked it.
type linked struct {
	joined    bool // it became a member
	defaulted bool // the company became its default
}

// and is what l and o changed together.
func (l linked) and(o linked) linked {
	return linked{joined: l.joined || o.joined, defaulted: l.defaulted || o.defaulted}
}

// fields names the changes as contact.updated does.
func (l linked) fields() []string {
	var out []string
	if l.joined {
		out = append(out, "companies")
	}
	if l.defaulted {
		out = append(out, "company_id")
	}
	return out
}

// linkByDomain links a contact to the company whose domains include one of
// the addresses' domains, when exactly one company lists it. The first
// company linked becomes the default when the contact had none.
func (s *Store) linkByDomain(ctx context.Context, tx *sql.Tx, contactID int64, emails []string) (linked, error) {
	var out linked
	for _, e := range emails {
		d := emailDomain(e)
		if d == "" {
			continue
		}
		ids, err := int64s(ctx, tx, `SELECT company_id FROM company_domains WHERE domain = $1 LIMIT 2`, d)
		if err != nil {
			return out, err
		}
		if len(ids) != 1 {
			continue
		}
		l, err := s.link(ctx, tx, contactID, ids[0])
		if err != nil {
			return out, err
		}
		out = out.and(l)
	}
	return out, nil
}

// link adds a membership (if missing) and makes it the default when the
// contact has no default company. What it changed comes from the rows its
// statements touched, so telling costs no query.
func (s *Store) link(ctx context.Context, tx *sql.Tx, contactID, companyID int64) (linked, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO contact_companies (contact_id, company_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, contactID, companyID, s.Now())
	if err != nil {
		return linked{}, fmt.Errorf("store: link contact %d to company %d: %w", contactID, companyID, err)
	}
	joined, _ := res.RowsAffected()
	res, err = tx.ExecContext(ctx, `UPDATE contacts SET company_id = $1 WHERE id = $2 AND company_id IS NULL`, companyID, contactID)
	if err != nil {
		return linked{}, fmt.Errorf("store: default company of %d: %w", contactID, err)
	}
	defaulted, _ := res.RowsAffected()
	return linked{joined: joined > 0, defaulted: defaulted > 0}, nil
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
