package store

import (
	"context"
	"slices"

	"github.com/portico-hub/portico/app/events"
)

// updatedEvents writes contact.updated for each applied update, naming
// the fields its audit entry records and those its links to companies
// changed. The contacts are read back in bulk once all are written, and
// the events go in with multi-row INSERTs.
func (b *ImportTx) updatedEvents(ctx context.Context, applied []appliedUpdate) error {
	if len(applied) == 0 {
		return nil
	}
	ids := make([]int64, len(applied))
	for i, u := range applied {
		ids[i] = u.ID
	}
	snaps, err := contactSnapshots(ctx, b.tx, ids)
	if err != nil {
		return err
	}
	now := b.s.Now()
	rows := eventRows()
	rows.grow(len(applied))
	for i, u := range applied {
		changed := updatedFields(u.Changes)
		for _, f := range u.linked.fields() {
			if !slices.Contains(changed, f) {
				changed = append(changed, f)
			}
		}
		p := events.ContactUpdated{Contact: snaps[u.ID], Changed: changed}
		if err := addEvent(&rows, i, p, now); err != nil {
			return err
		}
	}
	if err := flushRows(ctx, b.tx, &rows, wrapped("events")); err != nil {
		return err
	}
	b.s.outbox.events.mark()
	return nil
}
