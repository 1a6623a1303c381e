package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// PhoneKind is the address kind of SMS channels: the contact's mobile
// number, which contacts had before channels existed.
const PhoneKind = "phone"

// ContactAddresses returns a contact's channel addresses by kind, the
// mobile number as "phone" when there is one.
func (s *Store) ContactAddresses(ctx context.Context, contactID int64) (map[string]string, error) {
	out := map[string]string{}
	var mobile string
	if err := s.r.QueryRowContext(ctx, `SELECT mobile FROM contacts WHERE id = $1`, contactID).Scan(&mobile); err != nil {
		return nil, notFound(err, "contact", contactID)
	}
	if mobile != "" {
		out[PhoneKind] = mobile
	}
	rows, err := s.r.QueryContext(ctx, `SELECT kind, address FROM contact_channel_addresses WHERE contact_id = $1`, contactID)
	if err != nil {
		return nil, fmt.Errorf("store: channel addresses of %d: %w", contactID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, addr string
		if err := rows.Scan(&kind, &addr); err != nil {
			return nil, fmt.Errorf("store: scan channel address: %w", err)
		}
		out[kind] = addr
	}
	return out, rows.Err()
}

// ContactAddress returns a contact's address of one kind, or ErrNotFound
// when the contact has none.
func (s *Store) ContactAddress(ctx context.Context, contactID int64, kind string) (string, error) {
	all, err := s.ContactAddresses(ctx, contactID)
	if err != nil {
		return "", err
	}
	if a, ok := all[kind]; ok {
		return a, nil
	}
	return "", fmt.Errorf("store: contact %d has no %s address: %w", contactID, kind, model.ErrNotFound)
}

// SetContactAddress sets, or with "" clears, a contact's address of one
// kind, already checked by its channel, with an audit entry and a
// contact.updated event. Nothing is written when nothing changed.
func (s *Store) SetContactAddress(ctx context.Context, actor model.Actor, contactID int64, kind, address string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		was, err := addressTx(ctx, tx, contactID, kind)
		if err != nil || was == address {
			return err
		}
		if err := s.writeAddress(ctx, tx, contactID, kind, address); err != nil {
			return err
		}
		if err := touch(ctx, tx, contactID, s.Now()); err != nil {
			return err
		}
		if kind == PhoneKind {
			if err := refreshSearch(ctx, tx, contactID); err != nil {
				return err
			}
		}
		change := []model.Change{{Field: fieldOfKind(kind), From: was, To: address}}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "channel_address_changed", change); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, fieldOfKind(kind))
	})
}

// fieldOfKind names the changed field in the audit trail and in
// contact.updated: "mobile" for a phone, else e.g. "xmpp_address".
func fieldOfKind(kind string) string {
	if kind == PhoneKind {
		return "mobile"
	}
	return kind + "_address"
}

func addressTx(ctx context.Context, tx *sql.Tx, contactID int64, kind string) (string, error) {
	q, args := `SELECT address FROM contact_channel_addresses WHERE contact_id = $1 AND kind = $2`, []any{contactID, kind}
	if kind == PhoneKind {
		q, args = `SELECT mobile FROM contacts WHERE id = $1`, []any{contactID}
	}
	var a string
	err := tx.QueryRowContext(ctx, q, args...).Scan(&a)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: channel address of %d: %w", contactID, err)
	}
	return a, nil
}

func (s *Store) writeAddress(ctx context.Context, tx *sql.Tx, contactID int64, kind, address string) error {
	var err error
	switch {
	case kind == PhoneKind:
		_, err = tx.ExecContext(ctx, `UPDATE contacts SET mobile = $1 WHERE id = $2`, address, contactID)
	case address == "":
		_, err = tx.ExecContext(ctx, `DELETE FROM contact_channel_addresses WHERE contact_id = $1 AND kind = $2`, contactID, kind)
	default:
		_, err = tx.ExecContext(ctx, `INSERT INTO contact_channel_addresses (contact_id, kind, address, updated_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (contact_id, kind) DO UPDATE SET address = excluded.address,
			updated_at = excluded.updated_at`, contactID, kind, address, s.Now())
	}
	if err != nil {
		return fmt.Errorf("store: write %s address of %d: %w", kind, contactID, err)
	}
	return nil
}
