package store

import (
	"context"
	"slices"

	"github.com/portico-hub/portico/app/events"
)

// updatedEvents writes contact.updated for each applied update, naming
// the fields its audit entry records and those its links to companies
// changed. The contacts are read back in bulk once all are written, and
// the events join the batch's bulk-lane row.
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
	evs := b.s.bulkEvents(b.tx)
	for _, u := range applied {
		changed := updatedFields(u.Changes)
		for _, f := range u.linked.fields() {
			if !slices.Contains(changed, f) {
				changed = append(changed, f)
			}
		}
		p := events.ContactUpdated{Contact: snaps[u.ID], Changed: changed}
		if err := evs.add(p, now); err != nil {
			return err
		}
	}
	return nil
}
