package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
)

// erasedData replaces the data of an erased contact's events.
type erasedData struct {
	ContactID int64 `json:"contact_id"`
	Erased    bool  `json:"erased"`
}

// erasedPayload is the envelope an erased contact's event keeps.
func erasedPayload(typ string, at time.Time, contactID int64) []byte {
	b, _ := json.Marshal(events.Envelope{Type: typ, Version: events.Version, Timestamp: at.UTC(),
		Data: erasedData{ContactID: contactID, Erased: true}})
	return b
}

// eraseEvents removes the personal data of a contact being erased from
// its events, single or in bulk batches, and from the request bodies
// logged for their deliveries. The events stay, with the same ids, so a
// delivery still pending sends the erased version and the log keeps its
// shape.
func (s *Store) eraseEvents(ctx context.Context, tx *sql.Tx, contactID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT position, type, created_at FROM events WHERE contact_id = $1`, contactID)
	if err != nil {
		return fmt.Errorf("store: events of contact %d: %w", contactID, err)
	}
	type ev struct {
		pos int64
		typ string
		at  time.Time
	}
	var evs []ev
	for rows.Next() {
		var e ev
		if err := rows.Scan(&e.pos, &e.typ, &e.at); err != nil {
			rows.Close()
			return fmt.Errorf("store: scan event: %w", err)
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: events of contact %d: %w", contactID, err)
	}
	for _, e := range evs {
		if _, err := tx.ExecContext(ctx, `UPDATE events SET payload = $1 WHERE position = $2`,
			string(erasedPayload(e.typ, e.at, contactID)), e.pos); err != nil {
			return fmt.Errorf("store: erase event %d: %w", e.pos, err)
		}
	}
	if err := s.eraseBatches(ctx, tx, contactID); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE webhook_attempts SET request_body = '' WHERE delivery_id IN (SELECT d.id
		FROM webhook_deliveries d WHERE d.resource = $1)`, fmt.Sprintf("contact:%d", contactID))
	if err != nil {
		return fmt.Errorf("store: erase delivery log of contact %d: %w", contactID, err)
	}
	return nil
}
