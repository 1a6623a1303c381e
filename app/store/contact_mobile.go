package store

import (
	"context"
	"database/sql"

	"github.com/portico-hub/portico/app/model"
)

// SetContactMobile sets, or with "" clears, a contact's mobile number, the
// address SMS channels send to, already checked by such a channel; with
// an audit entry and a contact.updated event. Nothing is written when
// nothing changed.
func (s *Store) SetContactMobile(ctx context.Context, actor model.Actor, contactID int64, mobile string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, contactID); err != nil {
			return err
		}
		var was string
		if err := tx.QueryRowContext(ctx, `SELECT mobile FROM contacts WHERE id = $1`, contactID).Scan(&was); err != nil {
			return notFound(err, "contact", contactID)
		}
		if was == mobile {
			return nil
		}
		if err := execAffected(ctx, tx, "contact", contactID, `UPDATE contacts SET mobile = $1, updated_at = $2 WHERE id = $3`,
			mobile, s.Now(), contactID); err != nil {
			return err
		}
		if err := refreshSearch(ctx, tx, contactID); err != nil {
			return err
		}
		change := []model.Change{{Field: "mobile", From: was, To: mobile}}
		if err := s.writeAudit(ctx, tx, actor, "contact", contactID, "updated", change); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, contactID, "mobile")
	})
}
