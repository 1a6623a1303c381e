package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

const passkeyColumns = `id, contact_id, user_handle, credential_id, public_key, sign_count, aaguid, transports,
	attestation_type, attestation_format, name, user_verified, backup_eligible, backup_state, clone_warning,
	created_at, last_used_at`

// AddPasskey stores a newly registered passkey and records it on the
// contact's timeline. A credential id already stored is ErrConflict.
func (s *Store) AddPasskey(ctx context.Context, p model.Passkey) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO passkeys (contact_id, user_handle, credential_id, public_key, sign_count,
			aaguid, transports, attestation_type, attestation_format, name, user_verified, backup_eligible, backup_state, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			p.ContactID, p.UserHandle, p.CredentialID, p.PublicKey, p.SignCount, p.AAGUID, strings.Join(p.Transports, ","),
			p.AttestationType, p.AttestationFormat, p.Name, p.UserVerified, p.BackupEligible, p.BackupState, s.Now()).Scan(&id)
		if isUnique(err, "credential_id") {
			return fmt.Errorf("store: passkey already registered: %w", model.ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("store: add passkey: %w", err)
		}
		return s.auditPasskey(ctx, tx, p.ContactID, "passkey_added", model.Change{Field: "passkey", To: p.Name})
	})
	return id, err
}

// Passkeys lists a contact's passkeys, oldest first.
func (s *Store) Passkeys(ctx context.Context, contactID int64) ([]model.Passkey, error) {
	return s.queryPasskeys(ctx, `SELECT `+passkeyColumns+` FROM passkeys WHERE contact_id = $1 ORDER BY created_at, id`, contactID)
}

// PasskeysByHandle lists the passkeys registered under a user handle:
// the ones a discoverable sign-in presenting that handle may use.
func (s *Store) PasskeysByHandle(ctx context.Context, handle string) ([]model.Passkey, error) {
	return s.queryPasskeys(ctx, `SELECT `+passkeyColumns+` FROM passkeys WHERE user_handle = $1 ORDER BY id`, handle)
}

// Passkey returns one passkey of a contact; another contact's is
// ErrNotFound.
func (s *Store) Passkey(ctx context.Context, contactID, id int64) (*model.Passkey, error) {
	ps, err := s.queryPasskeys(ctx, `SELECT `+passkeyColumns+` FROM passkeys WHERE id = $1 AND contact_id = $2`, id, contactID)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("store: passkey %d of contact %d: %w", id, contactID, model.ErrNotFound)
	}
	return &ps[0], nil
}

// RecordPasskeyUse saves what a successful sign-in learnt: the new
// signature counter and backup state, and when it happened.
func (s *Store) RecordPasskeyUse(ctx context.Context, id int64, signCount uint32, backupState bool) error {
	_, err := s.w.ExecContext(ctx, `UPDATE passkeys SET sign_count = $1, backup_state = $2, last_used_at = $3 WHERE id = $4`,
		signCount, backupState, s.Now(), id)
	if err != nil {
		return fmt.Errorf("store: record use of passkey %d: %w", id, err)
	}
	return nil
}

// FlagPasskeyClone marks a passkey whose counter went backwards, so it is
// refused from now on, and notes it on the contact's timeline.
func (s *Store) FlagPasskeyClone(ctx context.Context, p *model.Passkey) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE passkeys SET clone_warning = TRUE WHERE id = $1`, p.ID); err != nil {
			return fmt.Errorf("store: flag passkey %d: %w", p.ID, err)
		}
		return s.auditPasskey(ctx, tx, p.ContactID, "passkey_refused_as_copied", model.Change{Field: "passkey", To: p.Name})
	})
}

func (s *Store) queryPasskeys(ctx context.Context, q string, args ...any) ([]model.Passkey, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: passkeys: %w", err)
	}
	defer rows.Close()
	var out []model.Passkey
	for rows.Next() {
		var p model.Passkey
		var transports string
		var used sql.NullTime
		if err := rows.Scan(&p.ID, &p.ContactID, &p.UserHandle, &p.CredentialID, &p.PublicKey, &p.SignCount, &p.AAGUID,
			&transports, &p.AttestationType, &p.AttestationFormat, &p.Name, &p.UserVerified, &p.BackupEligible,
			&p.BackupState, &p.CloneWarning, &p.CreatedAt, &used); err != nil {
			return nil, fmt.Errorf("store: scan passkey: %w", err)
		}
		if transports != "" {
			p.Transports = strings.Split(transports, ",")
		}
		if used.Valid {
			t := used.Time
			p.LastUsedAt = &t
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// auditPasskey records a passkey change on the contact's timeline, with
// the contact as the actor: customers manage their own passkeys.
func (s *Store) auditPasskey(ctx context.Context, tx *sql.Tx, contactID int64, action string, ch model.Change) error {
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM contacts WHERE id = $1`, contactID).Scan(&name); err != nil {
		return notFound(err, "contact", contactID)
	}
	return s.writeAudit(ctx, tx, model.Actor{Name: name}, "contact", contactID, action, []model.Change{ch})
}
