package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// companyName returns a company's name inside a transaction.
func companyName(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM companies WHERE id = $1`, id).Scan(&name); err != nil {
		return "", notFound(err, "company", id)
	}
	return name, nil
}

// AddMembership adds a contact to a company by hand. It becomes the
// contact's default company when the contact had none.
func (s *Store) AddMembership(ctx context.Context, actor model.Actor, contactID, companyID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		name, err := companyName(ctx, tx, companyID)
		if err != nil {
			return err
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		was, err := defaultCompany(ctx, tx, contactID)
		if err != nil {
			return err
		}
		var n, member int
		err = tx.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN company_id = $1 THEN 1 END) FROM contact_companies
			WHERE contact_id = $2`, companyID, contactID).Scan(&n, &member)
		switch {
		case err != nil:
			return fmt.Errorf("store: memberships of %d: %w", contactID, err)
		case member > 0:
			return model.Invalid("company", "This contact already belongs to "+name+".")
		case n >= model.MaxMemberships:
			return model.Invalid("company", fmt.Sprintf("A contact can belong to at most %d companies.", model.MaxMemberships))
		}
		if _, err := s.link(ctx, tx, contactID, companyID); err != nil {
			return err
		}
		if err := refreshSearch(ctx, tx, contactID); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "company_added", []model.Change{{Field: "company", To: name}}); err != nil {
			return err
		}
		return s.contactUpdatedFrom(ctx, tx, contactID, was, "companies")
	})
}

// RemoveMembership removes a contact from a company. When it was the
// default, the contact's oldest remaining membership takes its place.
func (s *Store) RemoveMembership(ctx context.Context, actor model.Actor, contactID, companyID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		name, err := companyName(ctx, tx, companyID)
		if err != nil {
			return err
		}
		was, err := defaultCompany(ctx, tx, contactID)
		if err != nil {
			return err
		}
		err = execAffected(ctx, tx, "membership", companyID, `DELETE FROM contact_companies WHERE contact_id = $1 AND company_id = $2`,
			contactID, companyID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE contacts SET company_id = NULL WHERE id = $1 AND company_id = $2`, contactID, companyID)
		if err != nil {
			return fmt.Errorf("store: clear default company of %d: %w", contactID, err)
		}
		return s.afterUnlink(ctx, tx, actor, contactID, name, was)
	})
}

// afterUnlink finishes a contact's leaving a company: a new default when
// it has none, a fresh search document, an audit entry and the event,
// which says whether the default moved from was.
func (s *Store) afterUnlink(ctx context.Context, tx *sql.Tx, actor model.Actor, contactID int64, company string, was int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE contacts SET company_id = (SELECT company_id FROM contact_companies
		WHERE contact_id = $1 ORDER BY created_at, company_id LIMIT 1) WHERE id = $2 AND company_id IS NULL`, contactID, contactID)
	if err != nil {
		return fmt.Errorf("store: new default company of %d: %w", contactID, err)
	}
	if err := touch(ctx, tx, contactID, s.Now()); err != nil {
		return err
	}
	if err := refreshSearch(ctx, tx, contactID); err != nil {
		return err
	}
	if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "company_removed", []model.Change{{Field: "company", From: company}}); err != nil {
		return err
	}
	return s.contactUpdatedFrom(ctx, tx, contactID, was, "companies")
}
