package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// emailFree checks that no contact other than contactID, and no agent,
// holds the normalised address. Writes run on one connection, so the
// check and the insert that follows cannot interleave with another.
func emailFree(ctx context.Context, tx *sql.Tx, norm string, contactID int64) error {
	var holder int64
	var name, addr string
	err := tx.QueryRowContext(ctx, `SELECT c.id, c.name, e.email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
		WHERE e.email_norm = $1`, norm).Scan(&holder, &name, &addr)
	switch {
	case err == nil && holder != contactID:
		return &model.EmailTakenError{Email: addr, ContactID: holder, Name: name}
	case err == nil:
		return model.Invalid("email", "This contact already has this address.")
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("store: check email: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT email FROM agents WHERE email_norm = $1`, norm).Scan(&addr)
	if err == nil {
		return &model.EmailTakenError{Email: addr}
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: check agent email: %w", err)
	}
	return nil
}

func (s *Store) insertEmail(ctx context.Context, tx *sql.Tx, contactID int64, email string, primary bool) error {
	norm := NormEmail(email)
	if err := emailFree(ctx, tx, norm, contactID); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contact_emails WHERE contact_id = $1`, contactID).Scan(&n); err != nil {
		return fmt.Errorf("store: count emails: %w", err)
	}
	if n >= model.MaxEmails {
		return model.Invalid("email", fmt.Sprintf("A contact can have at most %d email addresses.", model.MaxEmails))
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO contact_emails (contact_id, email, email_norm, domain, is_primary, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, contactID, strings.TrimSpace(email), norm, emailDomain(norm), primary, s.Now())
	if err != nil {
		return fmt.Errorf("store: insert email: %w", err)
	}
	return nil
}

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

func (s *Store) contactEmails(ctx context.Context, q querier, id int64) ([]model.Email, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, contact_id, email, is_primary, created_at FROM contact_emails
		WHERE contact_id = $1 ORDER BY is_primary DESC, id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: emails of %d: %w", id, err)
	}
	defer rows.Close()
	var out []model.Email
	for rows.Next() {
		var e model.Email
		if err := rows.Scan(&e.ID, &e.ContactID, &e.Address, &e.Primary, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: scan email: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AddEmail adds an address to a contact: the primary one when the contact
// has none, a secondary otherwise. Its domain may link the contact to a
// company.
func (s *Store) AddEmail(ctx context.Context, actor model.Actor, contactID int64, email string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contact_emails WHERE contact_id = $1`, contactID).Scan(&n); err != nil {
			return fmt.Errorf("store: count emails: %w", err)
		}
		if err := s.insertEmail(ctx, tx, contactID, email, n == 0); err != nil {
			return err
		}
		l, err := s.linkByDomain(ctx, tx, contactID, []string{email})
		if err != nil {
			return err
		}
		if err := refreshSearch(ctx, tx, contactID); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "email_added", []model.Change{{Field: "email", To: strings.TrimSpace(email)}}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, append([]string{"emails"}, l.fields()...)...)
	})
}

// emailOf returns an address of contactID, or ErrNotFound when the address
// does not exist or belongs to someone else.
func emailOf(ctx context.Context, tx *sql.Tx, contactID, emailID int64) (model.Email, error) {
	e := model.Email{ID: emailID, ContactID: contactID}
	err := tx.QueryRowContext(ctx, `SELECT email, is_primary FROM contact_emails WHERE id = $1 AND contact_id = $2`,
		emailID, contactID).Scan(&e.Address, &e.Primary)
	if err != nil {
		return e, notFound(err, "email", emailID)
	}
	return e, nil
}

// PromoteEmail makes a secondary address the primary one; the old primary
// stays as a secondary.
func (s *Store) PromoteEmail(ctx context.Context, actor model.Actor, contactID, emailID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		e, err := emailOf(ctx, tx, contactID, emailID)
		if err != nil || e.Primary {
			return err
		}
		var old string
		err = tx.QueryRowContext(ctx, `SELECT email FROM contact_emails WHERE contact_id = $1 AND is_primary`, contactID).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: primary of %d: %w", contactID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contact_emails SET is_primary = (id = $1) WHERE contact_id = $2`, emailID, contactID); err != nil {
			return fmt.Errorf("store: promote email %d: %w", emailID, err)
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "email_promoted", []model.Change{{Field: "primary email", From: old, To: e.Address}}); err != nil {
			return err
		}
		return s.WriteEventTx(ctx, tx, events.ContactEmailPromoted{ContactID: contactID, Email: e.Address, PreviousEmail: old})
	})
}

// RemoveEmail removes a secondary address and ends the links sent to it,
// whose holder may no longer be the contact. The primary cannot be
// removed while others exist: promote another first.
func (s *Store) RemoveEmail(ctx context.Context, actor model.Actor, contactID, emailID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		e, err := emailOf(ctx, tx, contactID, emailID)
		if err != nil {
			return err
		}
		if e.Primary {
			return model.Invalid("email", "The primary address cannot be removed. Make another address primary first.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_emails WHERE id = $1`, emailID); err != nil {
			return fmt.Errorf("store: remove email %d: %w", emailID, err)
		}
		if err := s.endLinksTo(ctx, tx, contactID, e.Address); err != nil {
			return err
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		if err := refreshSearch(ctx, tx, contactID); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "email_removed", []model.Change{{Field: "email", From: e.Address}}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, "emails")
	})
}

// EmailHolder returns who holds an address, for a clash message before a
// form is even posted; nil error and zero result when it is free.
func (s *Store) EmailHolder(ctx context.Context, email string) (*model.EmailTakenError, error) {
	var taken *model.EmailTakenError
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := emailFree(ctx, tx, NormEmail(email), 0)
		if errors.As(err, &taken) {
			return nil
		}
		return err
	})
	return taken, err
}
