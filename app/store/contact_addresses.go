package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ContactAddresses returns a contact's addresses of channels' own kinds
// (chat ids), by kind.
func (s *Store) ContactAddresses(ctx context.Context, contactID int64) ([]model.ContactAddress, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT contact_id, kind, address, updated_at FROM contact_addresses
		WHERE contact_id = $1 ORDER BY kind`, contactID)
	if err != nil {
		return nil, fmt.Errorf("store: addresses of %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []model.ContactAddress
	for rows.Next() {
		var a model.ContactAddress
		if err := rows.Scan(&a.ContactID, &a.Kind, &a.Address, &a.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: scan address: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetContactAddress sets a contact's address of one kind, as the channel
// normalized it, with an audit entry; an empty address removes it. The
// phone kind is the contact's mobile and is edited as such.
func (s *Store) SetContactAddress(ctx context.Context, actor model.Actor, contactID int64, kind, address string) error {
	if kind == "" || kind == model.AddressEmail || kind == model.AddressPhone {
		return model.Invalid("kind", "Email addresses and mobile numbers are edited in their own fields.")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT address FROM contact_addresses WHERE contact_id = $1 AND kind = $2`,
			contactID, kind).Scan(&old)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: address of %d: %w", contactID, err)
		}
		if address == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM contact_addresses WHERE contact_id = $1 AND kind = $2`, contactID, kind)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO contact_addresses (contact_id, kind, address, updated_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (contact_id, kind) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
				contactID, kind, address, s.Now())
		}
		if err != nil {
			return fmt.Errorf("store: set %s address of %d: %w", kind, contactID, err)
		}
		return s.writeAudit(ctx, tx, actor, "contact", contactID, "updated", []model.Change{{Field: kind, From: old, To: address}})
	})
}

// ChannelAddresses returns, of these contacts, their address of one kind
// by contact: the mobile number for phone, else the stored address.
// Contacts without one are left out.
func (s *Store) ChannelAddresses(ctx context.Context, ids []int64, kind string) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	marks := make([]string, len(ids))
	args := []any{kind}
	for i, id := range ids {
		marks[i] = fmt.Sprintf("$%d", i+2)
		args = append(args, id)
	}
	q := `SELECT contact_id, address FROM contact_addresses WHERE kind = $1 AND contact_id IN (` + strings.Join(marks, ", ") + `)`
	if kind == model.AddressPhone {
		q = `SELECT id, mobile FROM contacts WHERE $1 <> '' AND mobile <> '' AND id IN (` + strings.Join(marks, ", ") + `)`
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s addresses: %w", kind, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return nil, fmt.Errorf("store: scan %s address: %w", kind, err)
		}
		out[id] = a
	}
	return out, rows.Err()
}
