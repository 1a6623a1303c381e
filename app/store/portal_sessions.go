package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// CreatePortalSession stores a customer's new session.
func (s *Store) CreatePortalSession(ctx context.Context, sess model.PortalSession) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO portal_sessions (id_hash, contact_id, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES ($1, $2, $3, $3, $4, $5, $6)`, sess.IDHash, sess.ContactID, sess.CreatedAt, sess.ExpiresAt, sess.IP, sess.UserAgent)
	if err != nil {
		return fmt.Errorf("store: create portal session: %w", err)
	}
	return nil
}

// PortalSessionCustomer returns the unexpired session with this hash and
// its customer, who must still be verified: blocking or deleting a
// contact signs them out at once.
func (s *Store) PortalSessionCustomer(ctx context.Context, idHash string) (*model.PortalSession, *model.Customer, error) {
	var sess model.PortalSession
	var cu model.Customer
	err := s.r.QueryRowContext(ctx, `SELECT s.id_hash, s.contact_id, s.created_at, s.last_seen_at, s.expires_at, c.name, coalesce(e.email, '')
		FROM portal_sessions s JOIN contacts c ON c.id = s.contact_id
		LEFT JOIN contact_emails e ON e.contact_id = c.id AND e.is_primary
		WHERE s.id_hash = $1 AND s.expires_at > $2 AND c.state = 'verified'`, idHash, s.Now()).Scan(
		&sess.IDHash, &sess.ContactID, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt, &cu.Name, &cu.Email)
	if err != nil {
		return nil, nil, notFound(err, "portal session", "")
	}
	cu.ID = sess.ContactID
	return &sess, &cu, nil
}

// TouchPortalSession slides a session's expiry forward.
func (s *Store) TouchPortalSession(ctx context.Context, idHash string, expires time.Time) error {
	_, err := s.w.ExecContext(ctx, `UPDATE portal_sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3`, s.Now(), expires, idHash)
	if err != nil {
		return fmt.Errorf("store: touch portal session: %w", err)
	}
	return nil
}

// DeletePortalSession ends one session.
func (s *Store) DeletePortalSession(ctx context.Context, idHash string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM portal_sessions WHERE id_hash = $1`, idHash); err != nil {
		return fmt.Errorf("store: delete portal session: %w", err)
	}
	return nil
}

// DeleteExpiredPortalSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredPortalSessions(ctx context.Context) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM portal_sessions WHERE expires_at <= $1`, s.Now())
	if err != nil {
		return 0, fmt.Errorf("store: delete expired portal sessions: %w", err)
	}
	return res.RowsAffected()
}

// SignOutEverywhere ends every session of a contact and, in the same
// transaction, its pending links: someone who signs out everywhere
// fearing for their account must not leave a way back in lying in an
// old mailbox. It returns how many sessions there were.
func (s *Store) SignOutEverywhere(ctx context.Context, contactID int64) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM portal_sessions WHERE contact_id = $1`, contactID)
		if err != nil {
			return fmt.Errorf("store: end portal sessions of %d: %w", contactID, err)
		}
		n, _ = res.RowsAffected()
		return s.endLinks(ctx, tx, contactID, model.LinkEndSignedOut)
	})
	return n, err
}
