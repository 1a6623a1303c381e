package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// SetDefaultCompany makes one of a contact's companies its default, the
// one its tickets are filed under.
func (s *Store) SetDefaultCompany(ctx context.Context, actor model.Actor, contactID, companyID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		var name, old string
		var isDefault bool
		err := tx.QueryRowContext(ctx, `SELECT co.name, coalesce(d.name, ''), coalesce(c.company_id = co.id, FALSE)
			FROM contact_companies cc JOIN companies co ON co.id = cc.company_id JOIN contacts c ON c.id = cc.contact_id
			LEFT JOIN companies d ON d.id = c.company_id WHERE cc.contact_id = $1 AND cc.company_id = $2`,
			contactID, companyID).Scan(&name, &old, &isDefault)
		if err != nil || isDefault {
			return notFoundOrNil(err, "membership", companyID)
		}
		_, err = tx.ExecContext(ctx, `UPDATE contacts SET company_id = $1, updated_at = $2 WHERE id = $3`, companyID, s.Now(), contactID)
		if err != nil {
			return fmt.Errorf("store: default company of %d: %w", contactID, err)
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "updated", []model.Change{{Field: "default company", From: old, To: name}}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, "company_id")
	})
}

// SetViewAllTickets sets whether a contact may see every ticket of one of
// its companies, not only its own.
func (s *Store) SetViewAllTickets(ctx context.Context, actor model.Actor, contactID, companyID int64, on bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		var name string
		var was bool
		err := tx.QueryRowContext(ctx, `SELECT co.name, cc.view_all_tickets FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
			WHERE cc.contact_id = $1 AND cc.company_id = $2`, contactID, companyID).Scan(&name, &was)
		if err != nil || was == on {
			return notFoundOrNil(err, "membership", companyID)
		}
		if err := setViewAll(ctx, tx, contactID, companyID, on); err != nil {
			return err
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		change := TicketAccessChange(name, was, on)
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "updated", []model.Change{change}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, "companies")
	})
}

// setViewAll sets whether a contact sees every ticket of one of its
// companies.
func setViewAll(ctx context.Context, tx *sql.Tx, contactID, companyID int64, on bool) error {
	_, err := tx.ExecContext(ctx, `UPDATE contact_companies SET view_all_tickets = $1 WHERE contact_id = $2 AND company_id = $3`,
		on, contactID, companyID)
	if err != nil {
		return fmt.Errorf("store: ticket access of %d at %d: %w", contactID, companyID, err)
	}
	return nil
}

// ticketAccessField starts the audit field of a change of ticket access;
// the company's name follows. Events say "companies" changed.
const ticketAccessField = "sees all tickets of "

// TicketAccessChange is the audit entry's change of whether a contact
// sees every ticket of the company named.
func TicketAccessChange(company string, was, on bool) model.Change {
	return model.Change{Field: ticketAccessField + company, From: yesNo(was), To: yesNo(on)}
}

// notFoundOrNil is notFound for a failed lookup and nil for none.
func notFoundOrNil(err error, what string, id any) error {
	if err == nil {
		return nil
	}
	return notFound(err, what, id)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
