package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
)

// ResendWebhookDelivery sends a delivery of an endpoint again now, with a
// fresh retry schedule; its earlier attempts stay in the log. A delivery
// being sent right now is left alone.
func (s *Store) ResendWebhookDelivery(ctx context.Context, endpointID, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := execAffected(ctx, tx, "webhook delivery", id, `UPDATE webhook_deliveries SET state = 'pending', attempts = 0,
			next_attempt_at = $1, updated_at = $1 WHERE id = $2 AND endpoint_id = $3 AND state <> 'sending'`,
			s.Now(), id, endpointID); err != nil {
			return err
		}
		s.outbox.deliveries.mark()
		return nil
	})
}

// ResendFailedWebhooks sends again every failed delivery of an endpoint
// created at or after since, and returns how many.
func (s *Store) ResendFailedWebhooks(ctx context.Context, endpointID int64, since time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = $1,
			updated_at = $1 WHERE endpoint_id = $2 AND state = 'failed' AND created_at >= $3`, s.Now(), endpointID, since)
		if err != nil {
			return fmt.Errorf("store: resend failed deliveries of endpoint %d: %w", endpointID, err)
		}
		n, _ = res.RowsAffected()
		s.outbox.deliveries.mark()
		return nil
	})
	return n, err
}

// SendWebhookTest writes a test event and one delivery of it to the
// endpoint alone (the fan-out skips test events), and returns the
// delivery's id.
func (s *Store) SendWebhookTest(ctx context.Context, endpointID int64, p events.Test) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ev, err := events.New(p, s.Now())
		if err != nil {
			return err
		}
		var pos int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO events (id, type, payload, fanned_out, created_at)
			VALUES ($1, $2, $3, TRUE, $4) RETURNING position`, ev.ID, ev.Type, string(ev.Payload), ev.CreatedAt).Scan(&pos); err != nil {
			return fmt.Errorf("store: write test event: %w", err)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, event_position,
			next_attempt_at, created_at, updated_at) SELECT id, $1, $2, $3, $4, $4, $4 FROM webhook_endpoints WHERE id = $5
			RETURNING id`, ev.ID, ev.Type, pos, ev.CreatedAt, endpointID).Scan(&id)
		if err != nil {
			return notFound(err, "webhook endpoint", endpointID)
		}
		s.outbox.deliveries.mark()
		return nil
	})
	return id, err
}
