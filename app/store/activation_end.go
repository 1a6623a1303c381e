package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// endLinks ends a contact's pending links, saying why, inside the
// transaction of the change that calls for it, so no link outlives the
// change by a moment. Every change after which the holder of an old
// mailbox must not recover the account comes through here: a password
// set by any route, signing out everywhere, blocking or deleting, and,
// for the links sent to it alone, removing an address.
func (s *Store) endLinks(ctx context.Context, tx *sql.Tx, contactID int64, why model.LinkEnd) error {
	return s.endLinksWhere(ctx, tx, contactID, why, "")
}

// endLinksTo ends a contact's pending links that were sent to address.
func (s *Store) endLinksTo(ctx context.Context, tx *sql.Tx, contactID int64, address string) error {
	return s.endLinksWhere(ctx, tx, contactID, model.LinkEndAddressRemoved, NormEmail(address))
}

// endLinksWhere ends the pending links of a contact, only those sent to
// the normalised address norm when it is not empty.
func (s *Store) endLinksWhere(ctx context.Context, tx *sql.Tx, contactID int64, why model.LinkEnd, norm string) error {
	_, err := tx.ExecContext(ctx, `UPDATE activation_tokens SET revoked_at = $1, revoked_why = $2
		WHERE contact_id = $3 AND used_at IS NULL AND superseded_at IS NULL AND revoked_at IS NULL
		AND ($4 = '' OR lower(trim(email)) = $4)`, s.Now(), why, contactID, norm)
	if err != nil {
		return fmt.Errorf("store: end links of %d (%s): %w", contactID, why, err)
	}
	return s.redactEndedLinks(ctx, tx, contactID)
}
