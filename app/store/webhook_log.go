package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// WebhookDeliveries returns a page of an endpoint's delivery log, newest
// first, filtered by state and event type.
func (s *Store) WebhookDeliveries(ctx context.Context, q model.DeliveryQuery) (*model.DeliveryPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 50
	}
	before := q.Before
	if before <= 0 {
		before = 1<<62 - 1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries
		WHERE endpoint_id = $1 AND id < $2 AND ($3 = '' OR state = $3) AND ($4 = '' OR event_type = $4)
		ORDER BY id DESC LIMIT $5`, q.EndpointID, before, string(q.State), q.EventType, q.PerPage+1)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries of endpoint %d: %w", q.EndpointID, err)
	}
	defer rows.Close()
	page := &model.DeliveryPage{}
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan delivery: %w", err)
		}
		page.Deliveries = append(page.Deliveries, d)
	}
	if len(page.Deliveries) > q.PerPage {
		page.Deliveries = page.Deliveries[:q.PerPage]
		page.Next = page.Deliveries[q.PerPage-1].ID
	}
	return page, rows.Err()
}

// WebhookDelivery returns one delivery of an endpoint with its event's
// payload; a delivery of another endpoint is not found.
func (s *Store) WebhookDelivery(ctx context.Context, endpointID, id int64) (*model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries
			WHERE id = $1 AND endpoint_id = $2`, id, endpointID))
		if err != nil {
			return notFound(err, "webhook delivery", id)
		}
		ds := []model.WebhookDelivery{d}
		if err := s.fillPayloads(ctx, tx, ds); err != nil {
			return notFound(err, "event of webhook delivery", id)
		}
		d = ds[0]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

const attemptColumns = `id, delivery_id, attempted_at, status, duration_ms, request_headers, request_body, response_body, error`

// WebhookAttempts lists a delivery's attempts, oldest first.
func (s *Store) WebhookAttempts(ctx context.Context, deliveryID int64) ([]model.WebhookAttempt, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+attemptColumns+` FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id`, deliveryID)
	if err != nil {
		return nil, fmt.Errorf("store: attempts of delivery %d: %w", deliveryID, err)
	}
	defer rows.Close()
	var out []model.WebhookAttempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func scanAttempt(row interface{ Scan(...any) error }) (model.WebhookAttempt, error) {
	var a model.WebhookAttempt
	var ms int64
	var headers string
	if err := row.Scan(&a.ID, &a.DeliveryID, &a.AttemptedAt, &a.Status, &ms, &headers, &a.RequestBody, &a.ResponseBody, &a.Error); err != nil {
		return a, fmt.Errorf("store: scan attempt: %w", err)
	}
	a.Duration = time.Duration(ms) * time.Millisecond
	if err := json.Unmarshal([]byte(headers), &a.RequestHeaders); err != nil {
		return a, fmt.Errorf("store: headers of attempt %d: %w", a.ID, err)
	}
	return a, nil
}
