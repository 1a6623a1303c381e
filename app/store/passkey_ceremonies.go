package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// CreateCeremony stores a begun WebAuthn ceremony, sweeping expired ones
// first so abandoned ceremonies never pile up.
func (s *Store) CreateCeremony(ctx context.Context, c model.Ceremony) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM webauthn_ceremonies WHERE expires_at <= $1`, s.Now()); err != nil {
			return fmt.Errorf("store: sweep ceremonies: %w", err)
		}
		var contact any
		if c.ContactID != 0 {
			contact = c.ContactID
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO webauthn_ceremonies (id_hash, kind, contact_id, session, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, c.IDHash, c.Kind, contact, c.Session, c.CreatedAt, c.ExpiresAt)
		if err != nil {
			return fmt.Errorf("store: create ceremony: %w", err)
		}
		return nil
	})
}

// TakeCeremony deletes and returns an unexpired ceremony of the given
// kind. Deleting before anything is verified makes every ceremony single
// use: a second finish, or a replayed response, finds nothing.
func (s *Store) TakeCeremony(ctx context.Context, idHash, kind string) (*model.Ceremony, error) {
	c := model.Ceremony{IDHash: idHash, Kind: kind}
	var contact sql.NullInt64
	err := s.w.QueryRowContext(ctx, `DELETE FROM webauthn_ceremonies WHERE id_hash = $1 AND kind = $2
		RETURNING contact_id, session, created_at, expires_at`, idHash, kind).
		Scan(&contact, &c.Session, &c.CreatedAt, &c.ExpiresAt)
	if err != nil {
		return nil, notFound(err, "ceremony", kind)
	}
	if !c.ExpiresAt.After(s.Now()) {
		return nil, fmt.Errorf("store: ceremony expired at %s: %w", c.ExpiresAt, model.ErrNotFound)
	}
	c.ContactID = contact.Int64
	return &c, nil
}

// EnsureUserHandle returns the contact's WebAuthn user handle, storing
// fresh as its handle when it has none yet. With several (after a merge)
// the oldest is used for new passkeys.
func (s *Store) EnsureUserHandle(ctx context.Context, contactID int64, fresh string) (string, error) {
	var handle string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT handle FROM webauthn_user_handles WHERE contact_id = $1
			ORDER BY created_at, handle LIMIT 1`, contactID).Scan(&handle)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		handle = fresh
		_, err = tx.ExecContext(ctx, `INSERT INTO webauthn_user_handles (handle, contact_id, created_at) VALUES ($1, $2, $3)`,
			fresh, contactID, s.Now())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("store: user handle of contact %d: %w", contactID, err)
	}
	return handle, nil
}

// HandleContact returns the contact a user handle belongs to.
func (s *Store) HandleContact(ctx context.Context, handle string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT contact_id FROM webauthn_user_handles WHERE handle = $1`, handle).Scan(&id)
	if err != nil {
		return 0, notFound(err, "user handle", "")
	}
	return id, nil
}
