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
		FROM webhook_deliveries d `+subjectJoins+`
		WHERE d.endpoint_id = $1 AND d.id < $2 AND ($3 = '' OR d.state = $3) AND ($4 = '' OR d.event_type = $4)
			AND ($5 = '' OR d.resource = $5)
		ORDER BY d.id DESC LIMIT $6`, q.EndpointID, before, string(q.State), q.EventType, aboutResource(q), q.PerPage+1)
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

// A delivery's resource ("contact:42", "company:7") names what its event
// is about, bulk entries included, whose events have no row of their own.
const (
	aboutContact = `(CASE WHEN d.resource LIKE 'contact:%' THEN CAST(substr(d.resource, 9) AS INTEGER) END)`
	aboutCompany = `(CASE WHEN d.resource LIKE 'company:%' THEN CAST(substr(d.resource, 9) AS INTEGER) END)`
	// subjectJoins joins a delivery d to its contact c or company co, and
	// to its event e when the event has a row of its own.
	subjectJoins = `LEFT JOIN contacts c ON c.id = ` + aboutContact + `
		LEFT JOIN companies co ON co.id = ` + aboutCompany + `
		LEFT JOIN events e ON e.id = d.event_id`
	// subjectColumns name what a delivery is about: a deleted company by
	// the name its event gave it.
	subjectColumns = `coalesce(` + aboutContact + `, 0), coalesce(` + aboutCompany + `, 0),
	CASE WHEN ` + aboutCompany + ` IS NULL THEN coalesce(c.name, '')
		ELSE coalesce(co.name, json_extract(e.payload, '$.data.company.name'), json_extract(e.payload, '$.data.name'), '') END,
	` + aboutCompany + ` IS NOT NULL AND co.id IS NULL`
)

// aboutResource is the resource a log query is narrowed to, or "".
func aboutResource(q model.DeliveryQuery) string {
	switch {
	case q.ContactID != 0:
		return fmt.Sprintf("contact:%d", q.ContactID)
	case q.CompanyID != 0:
		return fmt.Sprintf("company:%d", q.CompanyID)
	}
	return ""
}

func scanLogDelivery(row interface{ Scan(...any) error }, more ...any) (model.WebhookDelivery, error) {
	var d model.WebhookDelivery
	a := &d.About
	err := row.Scan(append([]any{&d.ID, &d.EndpointID, &d.EventID, &d.EventType, &d.Lane, &d.EventPosition, &d.Entry, &d.State,
		&d.Attempts, &d.NextAttemptAt, &d.LastStatus, &d.LastError, &d.CreatedAt, &d.DeliveredAt,
		&a.ContactID, &a.CompanyID, &a.Name, &a.Gone}, more...)...)
	if err != nil {
		return d, fmt.Errorf("store: scan delivery: %w", err)
	}
	return d, nil
}

// ContactDeliveries lists the newest deliveries of events about a
// contact, to every endpoint, for the contact's page.
func (s *Store) ContactDeliveries(ctx context.Context, contactID int64, limit int) ([]model.ContactDelivery, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+prefixed("d.", deliveryColumns)+`, `+subjectColumns+`, w.url
		FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id `+subjectJoins+`
		WHERE d.resource = $1 ORDER BY d.id DESC LIMIT $2`, fmt.Sprintf("contact:%d", contactID), limit)
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
