package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// CreateCompany inserts a company with its domains, links the contacts
// whose addresses match a domain no other company lists, and records it in
// the audit trail, all in one transaction.
func (s *Store) CreateCompany(ctx context.Context, actor model.Actor, f model.CompanyFields) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.createCompany(ctx, tx, actor, f)
		return err
	})
	return id, err
}

// createCompany is CreateCompany within tx, which an import shares.
func (s *Store) createCompany(ctx context.Context, tx *sql.Tx, actor model.Actor, f model.CompanyFields) (int64, error) {
	var id int64
	now := s.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO companies (name, name_norm, description, notes, health_score, account_tier,
		renewal_date, industry, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
		f.Name, companyNorm(f.Name), f.Description, f.Notes, f.HealthScore, f.AccountTier, f.RenewalDate, f.Industry, now).Scan(&id)
	if err != nil {
		return 0, companyTaken(ctx, tx, err, f.Name)
	}
	if err := s.addDomains(ctx, tx, actor, id, f.Name, f.Domains); err != nil {
		return 0, err
	}
	if err := s.writeAudit(ctx, tx, actor, "company", id, "created", nil); err != nil {
		return 0, err
	}
	return id, s.companyEvent(ctx, tx, id, func(co events.Company) events.Payload { return events.CompanyCreated{Company: co} })
}

// UpdateCompany replaces a company's fields and domains and records what
// changed. New domains link matching contacts; removed domains unlink no
// one. A rename rewrites its members' search documents.
func (s *Store) UpdateCompany(ctx context.Context, actor model.Actor, id int64, f model.CompanyFields) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.updateCompany(ctx, tx, actor, id, f) })
}

// updateCompany is UpdateCompany within tx, which an import shares.
func (s *Store) updateCompany(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, f model.CompanyFields) error {
	old, err := loadCompany(ctx, tx, id)
	if err != nil {
		return err
	}
	changes := diffCompany(old.Fields(), f)
	if len(changes) == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE companies SET name = $1, name_norm = $2, description = $3, notes = $4,
		health_score = $5, account_tier = $6, renewal_date = $7, industry = $8, updated_at = $9 WHERE id = $10`,
		f.Name, companyNorm(f.Name), f.Description, f.Notes, f.HealthScore, f.AccountTier, f.RenewalDate, f.Industry, s.Now(), id)
	if err != nil {
		return companyTaken(ctx, tx, err, f.Name)
	}
	if err := s.replaceDomains(ctx, tx, actor, id, f.Name, old.Domains, f.Domains); err != nil {
		return err
	}
	if old.Name != f.Name {
		if err := refreshMembers(ctx, tx, id); err != nil {
			return err
		}
	}
	if err := s.writeAudit(ctx, tx, actor, "company", id, "updated", changes); err != nil {
		return err
	}
	return s.companyEvent(ctx, tx, id, func(co events.Company) events.Payload {
		return events.CompanyUpdated{Company: co, Changed: changeFields(changes)}
	})
}

// replaceDomains drops the domains no longer listed and adds the new ones.
func (s *Store) replaceDomains(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, name string, old, next []string) error {
	var added []string
	for _, d := range next {
		if !slices.Contains(old, d) {
			added = append(added, d)
		}
	}
	for _, d := range old {
		if slices.Contains(next, d) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM company_domains WHERE company_id = $1 AND domain = $2`, id, d); err != nil {
			return fmt.Errorf("store: remove domain %s of company %d: %w", d, id, err)
		}
	}
	return s.addDomains(ctx, tx, actor, id, name, added)
}

// refreshMembers rewrites the search document of every member of a
// company, whose name is part of them.
func refreshMembers(ctx context.Context, tx *sql.Tx, companyID int64) error {
	ids, err := int64s(ctx, tx, `SELECT contact_id FROM contact_companies WHERE company_id = $1`, companyID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := refreshSearch(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteCompany removes a company. Its contacts stay: their memberships go
// (by cascade) and a contact whose default it was falls back to its oldest
// remaining company, or none.
func (s *Store) DeleteCompany(ctx context.Context, actor model.Actor, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		name, err := companyName(ctx, tx, id)
		if err != nil {
			return err
		}
		members, err := int64s(ctx, tx, `SELECT contact_id FROM contact_companies WHERE company_id = $1`, id)
		if err != nil {
			return err
		}
		was, err := defaultCompanies(ctx, tx, members)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM companies WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: delete company %d: %w", id, err)
		}
		for _, m := range members {
			if err := s.afterUnlink(ctx, tx, actor, m, name, was[m]); err != nil {
				return err
			}
		}
		if err := s.writeAudit(ctx, tx, actor, "company", id, "deleted", []model.Change{{Field: "name", From: name}}); err != nil {
			return err
		}
		return s.WriteEventTx(ctx, tx, events.CompanyDeleted{CompanyID: id, Name: name})
	})
}

// defaultCompanies reads the default company of each contact, before a
// change that may move them.
func defaultCompanies(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	for _, id := range ids {
		co, err := defaultCompany(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		out[id] = co
	}
	return out, nil
}
