package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// movePasskeys gives the primary o's passkeys and the user handles they
// were registered under, so the customer's authenticators, which present
// those handles, still sign in to the merged contact.
func (m *merge) movePasskeys(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	for _, q := range []string{
		`UPDATE webauthn_user_handles SET contact_id = $1 WHERE contact_id = $2`,
		`UPDATE passkeys SET contact_id = $1 WHERE contact_id = $2`,
	} {
		if _, err := tx.ExecContext(ctx, q, m.primary.ID, o.ID); err != nil {
			return fmt.Errorf("store: move passkeys of %d: %w", o.ID, err)
		}
	}
	return nil
}
