package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// WebhookDeliveries returns a page of an endpoint's delivery log, newest
// first, filtered by state, event type and the contact or company the
// event is about; each delivery names what its event is about.
func (s *Store) WebhookDeliveries(ctx context.Context, q model.DeliveryQuery) (*model.DeliveryPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 50
	}
	before := q.Before
	if before <= 0 {
		before = 1<<62 - 1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+prefixed("d.", deliveryColumns)+`, `+subjectColumns+`
		FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
		LEFT JOIN contacts c ON c.id = e.contact_id LEFT JOIN companies co ON co.id = e.company_id
		WHERE d.endpoint_id = $1 AND d.id < $2 AND ($3 = '' OR d.state = $3) AND ($4 = '' OR d.event_type = $4)
			AND ($5 = 0 OR e.contact_id = $5) AND ($6 = 0 OR e.company_id = $6)
		ORDER BY d.id DESC LIMIT $7`, q.EndpointID, before, string(q.State), q.EventType, q.ContactID, q.CompanyID, q.PerPage+1)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries of endpoint %d: %w", q.EndpointID, err)
	}
	defer rows.Close()
	page := &model.DeliveryPage{}
	for rows.Next() {
		d, err := scanLogDelivery(rows)
		if err != nil {
			return nil, err
		}
		page.Deliveries = append(page.Deliveries, d)
	}
	if len(page.Deliveries) > q.PerPage {
		page.Deliveries = page.Deliveries[:q.PerPage]
		page.Next = page.Deliveries[q.PerPage-1].ID
	}
	return page, rows.Err()
}

// subjectColumns name what an event e is about, with its contact c and
// company co joined: a deleted company by the name its events gave it.
const subjectColumns = `coalesce(e.contact_id, 0), coalesce(e.company_id, 0),
	CASE WHEN e.company_id IS NULL THEN coalesce(c.name, '')
		ELSE coalesce(co.name, json_extract(e.payload, '$.data.company.name'), json_extract(e.payload, '$.data.name'), '') END,
	e.company_id IS NOT NULL AND co.id IS NULL`

func scanLogDelivery(row interface{ Scan(...any) error }, more ...any) (model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	a := &d.About
	err := row.Scan(append([]any{&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.State, &d.Attempts, &d.NextAttemptAt,
		&d.LastStatus, &d.LastError, &d.CreatedAt, &d.DeliveredAt, &a.ContactID, &a.CompanyID, &a.Name, &a.Gone}, more...)...)
	if err != nil {
		return d, fmt.Errorf("store: scan delivery: %w", err)
	}
	return d, nil
}

// ContactDeliveries lists the newest deliveries of events about a
// contact, to every endpoint, for the contact's page.
func (s *Store) ContactDeliveries(ctx context.Context, contactID int64, limit int) ([]model.ContactDelivery, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+prefixed("d.", deliveryColumns)+`, `+subjectColumns+`, w.url
		FROM events e JOIN webhook_deliveries d ON d.event_id = e.id JOIN webhook_endpoints w ON w.id = d.endpoint_id
		LEFT JOIN contacts c ON c.id = e.contact_id LEFT JOIN companies co ON co.id = e.company_id
		WHERE e.contact_id = $1 ORDER BY d.id DESC LIMIT $2`, contactID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries about contact %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []model.ContactDelivery
	for rows.Next() {
		var cd model.ContactDelivery
		if cd.WebhookDelivery, err = scanLogDelivery(rows, &cd.EndpointURL); err != nil {
			return nil, err
		}
		out = append(out, cd)
	}
	return out, rows.Err()
}

// WebhookDelivery returns one delivery of an endpoint with its event's
// payload; a delivery of another endpoint is not found.
func (s *Store) WebhookDelivery(ctx context.Context, endpointID, id int64) (*model.WebhookDelivery, error) {
	var payload string
	d, err := scanDeliveryWith(s.r.QueryRowContext(ctx, `SELECT `+prefixed("d.", deliveryColumns)+`, e.payload, e.created_at
		FROM webhook_deliveries d JOIN events e ON e.id = d.event_id WHERE d.id = $1 AND d.endpoint_id = $2`, id, endpointID), &payload)
	if err != nil {
		return nil, notFound(err, "webhook delivery", id)
	}
	d.Payload = []byte(payload)
	return &d, nil
}

func scanDeliveryWith(row interface{ Scan(...any) error }, payload *string) (model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	err := row.Scan(&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.State, &d.Attempts, &d.NextAttemptAt, &d.LastStatus,
		&d.LastError, &d.CreatedAt, &d.DeliveredAt, payload, &d.EventAt)
	return d, err
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
