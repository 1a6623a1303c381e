package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// PortalLogin returns what a portal sign-in with this address checks: the
// contact holding it (as primary or secondary address), its state and
// its password hash, empty when it has none.
func (s *Store) PortalLogin(ctx context.Context, email string) (*model.PortalLogin, error) {
	var l model.PortalLogin
	err := s.r.QueryRowContext(ctx, `SELECT c.id, c.name, p.email, c.state, coalesce(a.password_hash, '')
		FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
		JOIN contact_emails p ON p.contact_id = c.id AND p.is_primary
		LEFT JOIN portal_accounts a ON a.contact_id = c.id
		WHERE e.email_norm = $1`, NormEmail(email)).Scan(&l.ContactID, &l.Name, &l.Email, &l.State, &l.PasswordHash)
	if err != nil {
		return nil, notFound(err, "portal login", "")
	}
	return &l, nil
}

// PasswordHash returns a contact's portal password hash, empty when the
// contact has none.
func (s *Store) PasswordHash(ctx context.Context, contactID int64) (string, error) {
	var hash string
	err := s.r.QueryRowContext(ctx, `SELECT password_hash FROM portal_accounts WHERE contact_id = $1`, contactID).Scan(&hash)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: password of %d: %w", contactID, err)
	}
	return hash, nil
}

// HasPassword reports whether a contact has chosen a portal password.
func (s *Store) HasPassword(ctx context.Context, contactID int64) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM portal_accounts WHERE contact_id = $1 AND password_hash <> ''`, contactID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: password of %d: %w", contactID, err)
	}
	return n > 0, nil
}

// SetContactPassword sets a contact's portal password for an admin, with
// an audit entry, and queues the email telling the contact when notify
// is not nil, in the same transaction. The contact's portal sessions end.
// With verify, an unverified contact is also marked verified by an admin
// (a password alone does not activate an account); any other state is
// left as it is.
func (s *Store) SetContactPassword(ctx context.Context, actor model.Actor, id int64, hash string, notify []model.NewMail, verify bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		if err := s.setPassword(ctx, tx, id, hash); err != nil {
			return err
		}
		if verify {
			if err := s.verifyIfUnverified(ctx, tx, actor, id); err != nil {
				return err
			}
		}
		told := "no"
		if len(notify) > 0 {
			told = "yes"
			if _, err := s.QueueMessagesTx(ctx, tx, notify); err != nil {
				return err
			}
		}
		return s.writeAudit(ctx, tx, actor, "contact", id, "password_changed", []model.Change{{Field: "contact emailed", To: told}})
	})
}

// verifyIfUnverified marks a contact verified by an admin when it is
// still unverified; a blocked contact stays blocked.
func (s *Store) verifyIfUnverified(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64) error {
	var st model.State
	if err := tx.QueryRowContext(ctx, `SELECT state FROM contacts WHERE id = $1`, id).Scan(&st); err != nil {
		return notFound(err, "contact", id)
	}
	if st != model.StateUnverified {
		return nil
	}
	return s.verify(ctx, tx, actor, id, model.VerifiedByAdmin)
}
