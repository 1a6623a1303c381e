package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// RenamePasskey gives one of a contact's passkeys a new name.
func (s *Store) RenamePasskey(ctx context.Context, contactID, id int64, name string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT name FROM passkeys WHERE id = $1 AND contact_id = $2`, id, contactID).Scan(&old)
		if err != nil {
			return notFound(err, "passkey", id)
		}
		if old == name {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE passkeys SET name = $1 WHERE id = $2`, name, id); err != nil {
			return fmt.Errorf("store: rename passkey %d: %w", id, err)
		}
		return s.auditPasskey(ctx, tx, contactID, "passkey_renamed", model.Change{Field: "passkey", From: old, To: name})
	})
}

// RemovePasskey deletes one of a contact's passkeys, unless it is their
// last way to sign in: the last usable passkey of a contact without a
// password is ErrLastSignIn. The count and the delete share one
// transaction, so two removals at once cannot both pass the check.
func (s *Store) RemovePasskey(ctx context.Context, contactID, id int64, hasPassword bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		var flagged bool
		err := tx.QueryRowContext(ctx, `SELECT name, clone_warning FROM passkeys WHERE id = $1 AND contact_id = $2`,
			id, contactID).Scan(&name, &flagged)
		if err != nil {
			return notFound(err, "passkey", id)
		}
		var others int
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM passkeys WHERE contact_id = $1 AND id <> $2 AND NOT clone_warning`,
			contactID, id).Scan(&others)
		if err != nil {
			return fmt.Errorf("store: count passkeys of %d: %w", contactID, err)
		}
		if !flagged && !hasPassword && others == 0 {
			return fmt.Errorf("store: remove passkey %d: %w", id, model.ErrLastSignIn)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM passkeys WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: remove passkey %d: %w", id, err)
		}
		return s.auditPasskey(ctx, tx, contactID, "passkey_removed", model.Change{Field: "passkey", From: name})
	})
}
