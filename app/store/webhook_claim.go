package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const deliveryColumns = `id, endpoint_id, event_id, event_type, lane, event_position, entry, state, attempts, next_attempt_at,
	last_status, last_error, created_at, delivered_at`

func scanDelivery(row interface{ Scan(...any) error }) (model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	err := row.Scan(&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.Lane, &d.EventPosition, &d.Entry, &d.State, &d.Attempts,
		&d.NextAttemptAt, &d.LastStatus, &d.LastError, &d.CreatedAt, &d.DeliveredAt)
	return d, err
}

// DueWebhookEndpoints lists the enabled endpoints with deliveries to send
// now: pending ones whose time has come, ones whose sender died, and bulk
// streams still to deliver. Each test is one index seek per endpoint,
// however long the backlog.
func (s *Store) DueWebhookEndpoints(ctx context.Context) ([]int64, error) {
	return int64s(ctx, s.r, `SELECT e.id FROM webhook_endpoints e WHERE e.enabled AND (
		EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'pending' AND d.next_attempt_at <= $1)
		OR EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'sending' AND d.lease_expires_at < $1)
		OR EXISTS (SELECT 1 FROM webhook_streams s WHERE s.endpoint_id = e.id))
		ORDER BY e.id`, s.Now())
}

// ClaimWebhookDeliveries takes up to limit due deliveries of one enabled
// endpoint, each with its event's payload: abandoned ones first (their
// sender died), then interactive ones, then bulk ones, so a bulk backlog
// never delays a person's action. A delivery about a resource waits while
// an earlier one about it is waiting or in flight, so each contact's and
// company's events arrive in commit order. Each is held for lease: one
// not recorded by then is sent again, so a crash duplicates a webhook but
// never loses one. The endpoint's bulk window is topped up first.
func (s *Store) ClaimWebhookDeliveries(ctx context.Context, endpointID int64, limit int, lease time.Duration) ([]model.WebhookDelivery, error) {
	var out []model.WebhookDelivery
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.materialize(ctx, tx, endpointID); err != nil {
			return err
		}
		now := s.Now()
		ids, err := claimable(ctx, tx, endpointID, limit, now)
		if err != nil || len(ids) == 0 {
			return err
		}
		args := append([]any{now.Add(lease), now}, anys(ids)...)
		rows, err := tx.QueryContext(ctx, `UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1,
			lease_expires_at = $1, updated_at = $2 WHERE id IN (`+marks(3, len(ids))+`) RETURNING `+deliveryColumns, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			d, err := scanDelivery(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return s.fillPayloads(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries of endpoint %d: %w", endpointID, err)
	}
	return out, nil
}

// inOrder keeps a delivery back while an earlier one about the same
// resource, for the same endpoint, is waiting or in flight.
const inOrder = `(d.resource = '' OR NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id
	AND p.resource = d.resource AND p.state IN ('pending', 'sending')
	AND (p.event_position, p.entry) < (d.event_position, d.entry)))`

// claimable picks the deliveries to claim. Each query walks the
// (endpoint_id, state, lane, next_attempt_at) index and stops at the
// limit, so a long backlog costs nothing per claim.
func claimable(ctx context.Context, tx *sql.Tx, endpointID int64, limit int, now time.Time) ([]int64, error) {
	queries := []string{
		`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 AND state = 'sending' AND lane IN ('interactive', 'bulk')
			AND lease_expires_at < $2 ORDER BY next_attempt_at, id LIMIT $3`,
		fmt.Sprintf(`SELECT id FROM webhook_deliveries d WHERE endpoint_id = $1 AND state = 'pending' AND lane = 'interactive'
			AND next_attempt_at <= $2 AND %s ORDER BY next_attempt_at, id LIMIT $3`, inOrder),
		fmt.Sprintf(`SELECT id FROM webhook_deliveries d WHERE endpoint_id = $1 AND state = 'pending' AND lane = 'bulk'
			AND next_attempt_at <= $2 AND %s ORDER BY next_attempt_at, id LIMIT $3`, inOrder),
	}
	var ids []int64
	for _, q := range queries {
		got, err := int64s(ctx, tx, q, endpointID, now, limit-len(ids))
		if err != nil {
			return nil, err
		}
		if ids = append(ids, got...); len(ids) >= limit {
			break
		}
	}
	return ids, nil
}
