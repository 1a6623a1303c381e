package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const deliveryColumns = `id, endpoint_id, event_id, event_type, state, attempts, next_attempt_at, last_status, last_error,
	created_at, delivered_at`

func scanDelivery(row interface{ Scan(...any) error }) (model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	err := row.Scan(&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.State, &d.Attempts, &d.NextAttemptAt, &d.LastStatus,
		&d.LastError, &d.CreatedAt, &d.DeliveredAt)
	return d, err
}

// DueWebhookEndpoints lists the enabled endpoints with deliveries to send
// now: pending ones whose time has come, and ones whose sender died. Each
// test is one index seek per endpoint, however long the backlog.
func (s *Store) DueWebhookEndpoints(ctx context.Context) ([]int64, error) {
	return int64s(ctx, s.r, `SELECT e.id FROM webhook_endpoints e WHERE e.enabled AND (
		EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'pending' AND d.next_attempt_at <= $1)
		OR EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'sending' AND d.lease_expires_at < $1))
		ORDER BY e.id`, s.Now())
}

// ClaimWebhookDeliveries takes up to limit due deliveries of one enabled
// endpoint, oldest first, each with its event's payload. Each is held for
// lease: one not recorded by then (its sender died) is sent again, so a
// crash duplicates a webhook but never loses one.
func (s *Store) ClaimWebhookDeliveries(ctx context.Context, endpointID int64, limit int, lease time.Duration) ([]model.WebhookDelivery, error) {
	var out []model.WebhookDelivery
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		// Abandoned deliveries first, then pending ones by due time. Each
		// branch walks the (endpoint_id, state, next_attempt_at) index and
		// stops at the limit, so a long backlog costs nothing per claim.
		// Both order by that index: ordering the first by id alone made
		// SQLite walk the endpoint's whole log by id instead.
		rows, err := tx.QueryContext(ctx, `UPDATE webhook_deliveries SET state = 'sending', attempts = attempts + 1,
			lease_expires_at = $1, updated_at = $2 WHERE id IN (
				SELECT id FROM (SELECT id FROM webhook_deliveries WHERE endpoint_id = $3 AND state = 'sending'
					AND lease_expires_at < $2 ORDER BY next_attempt_at, id LIMIT $4)
				UNION ALL SELECT id FROM (SELECT id FROM webhook_deliveries WHERE endpoint_id = $3 AND state = 'pending'
					AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $4)
				LIMIT $4)
			RETURNING `+deliveryColumns, now.Add(lease), now, endpointID, limit)
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
		return fillPayloads(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries of endpoint %d: %w", endpointID, err)
	}
	return out, nil
}

// fillPayloads adds each delivery's event payload and time, reading
// them all in one query.
func fillPayloads(ctx context.Context, tx *sql.Tx, ds []model.WebhookDelivery) error {
	if len(ds) == 0 {
		return nil
	}
	marks := make([]string, len(ds))
	args := make([]any, len(ds))
	for i, d := range ds {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), d.EventID
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, payload, created_at FROM events WHERE id IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return fmt.Errorf("events of %d deliveries: %w", len(ds), err)
	}
	defer rows.Close()
	type event struct {
		payload string
		at      time.Time
	}
	byID := make(map[string]event, len(ds))
	for rows.Next() {
		var id string
		var e event
		if err := rows.Scan(&id, &e.payload, &e.at); err != nil {
			return err
		}
		byID[id] = e
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range ds {
		e, ok := byID[ds[i].EventID]
		if !ok {
			return fmt.Errorf("event %s: %w", ds[i].EventID, sql.ErrNoRows)
		}
		ds[i].Payload, ds[i].EventAt = []byte(e.payload), e.at
	}
	return nil
}
