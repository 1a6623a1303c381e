package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/events"
)

// EventsAfter returns up to limit events past position, in commit order,
// for subscribers that keep their own cursor.
func (s *Store) EventsAfter(ctx context.Context, position int64, limit int) ([]events.Event, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT position, id, type, payload, coalesce(contact_id, 0), created_at FROM events
		WHERE position > $1 ORDER BY position LIMIT $2`, position, limit)
	if err != nil {
		return nil, fmt.Errorf("store: events after %d: %w", position, err)
	}
	defer rows.Close()
	var out []events.Event
	for rows.Next() {
		var e events.Event
		var payload string
		if err := rows.Scan(&e.Position, &e.ID, &e.Type, &payload, &e.ContactID, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: scan event: %w", err)
		}
		e.Payload = []byte(payload)
		out = append(out, e)
	}
	return out, rows.Err()
}
