package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/events"
)

// EventsAfter returns the events past position, in commit order, for
// subscribers that keep their own cursor: up to limit rows, a bulk batch
// counting as one row and coming whole, each of its entries with the
// batch's position, so a cursor never stops inside a batch.
func (s *Store) EventsAfter(ctx context.Context, position int64, limit int) ([]events.Event, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT position, id, type, payload, coalesce(contact_id, 0), resource, lane, created_at
		FROM events WHERE position > $1 ORDER BY position LIMIT $2`, position, limit)
	if err != nil {
		return nil, fmt.Errorf("store: events after %d: %w", position, err)
	}
	var out []events.Event
	for rows.Next() {
		var e events.Event
		var payload string
		if err := rows.Scan(&e.Position, &e.ID, &e.Type, &payload, &e.ContactID, &e.Resource, &e.Lane, &e.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: scan event: %w", err)
		}
		e.Payload = []byte(payload)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events after %d: %w", position, err)
	}
	return s.expandBatches(ctx, out)
}

// expandBatches replaces each bulk batch of evs by its entries.
func (s *Store) expandBatches(ctx context.Context, evs []events.Event) ([]events.Event, error) {
	var out []events.Event
	for _, e := range evs {
		if e.Lane != events.LaneBulk {
			out = append(out, e)
			continue
		}
		entries, err := s.batchEntries(ctx, s.r, e.Position)
		if err != nil {
			return nil, fmt.Errorf("store: events after: %w", err)
		}
		out = append(out, entries...)
	}
	return out, nil
}
