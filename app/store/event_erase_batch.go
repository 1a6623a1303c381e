package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/portico-hub/portico/app/events"
)

// eraseBatches rewrites the bulk batches that hold events of a contact
// being erased, each of its entries replaced by the erased envelope; the
// other entries, and every id, stay as they were. The batches' contact
// ranges rule most batches out without opening them.
func (s *Store) eraseBatches(ctx context.Context, tx *sql.Tx, contactID int64) error {
	positions, err := int64s(ctx, tx, `SELECT position FROM events WHERE lane = 'bulk' AND first_contact <= $1
		AND last_contact >= $1`, contactID)
	if err != nil {
		return fmt.Errorf("store: batches of contact %d: %w", contactID, err)
	}
	for _, pos := range positions {
		if err := s.eraseInBatch(ctx, tx, pos, contactID); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) eraseInBatch(ctx context.Context, tx *sql.Tx, pos, contactID int64) error {
	entries, err := s.batchEntries(ctx, tx, pos)
	if err != nil {
		return err
	}
	entries = slices.Clone(entries)
	changed := false
	for i, e := range entries {
		if e.ContactID == contactID {
			entries[i].Payload, changed = erasedPayload(e.Type, e.CreatedAt, contactID), true
		}
	}
	if !changed {
		return nil
	}
	s.decoded.drop(pos)
	if _, err := tx.ExecContext(ctx, `UPDATE events SET batch = $1 WHERE position = $2`, events.EncodeBatch(entries), pos); err != nil {
		return fmt.Errorf("store: erase contact %d in batch %d: %w", contactID, pos, err)
	}
	return nil
}
