package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const endpointColumns = `id, url, description, event_types, enabled, disabled_reason, secret, previous_secret,
	previous_secret_expires_at, headers, failing_since, last_success_at, created_at, updated_at`

func scanEndpoint(row interface{ Scan(...any) error }) (*model.WebhookEndpoint, error) {
	var e model.WebhookEndpoint
	var types, headers string
	err := row.Scan(&e.ID, &e.URL, &e.Description, &types, &e.Enabled, &e.DisabledReason, &e.Secret, &e.PreviousSecret,
		&e.PreviousExpiresAt, &headers, &e.FailingSince, &e.LastSuccessAt, &e.CreatedAt, &e.UpdatedAt)
	if err != nil {
		return nil, err
	}
	e.EventTypes = strings.Fields(types)
	if err := json.Unmarshal([]byte(headers), &e.Headers); err != nil {
		return nil, fmt.Errorf("store: headers of endpoint %d: %w", e.ID, err)
	}
	return &e, nil
}

// CreateWebhookEndpoint adds an endpoint, with the secret the webhooks
// package generated. A URL another endpoint has is refused with
// *model.EndpointTakenError.
func (s *Store) CreateWebhookEndpoint(ctx context.Context, e model.WebhookEndpoint) (int64, error) {
	headers, err := json.Marshal(nonNilHeaders(e.Headers))
	if err != nil {
		return 0, fmt.Errorf("store: encode headers: %w", err)
	}
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := urlFree(ctx, tx, e.URL, 0); err != nil {
			return err
		}
		now := s.Now()
		return tx.QueryRowContext(ctx, `INSERT INTO webhook_endpoints (url, description, event_types, enabled, secret, headers,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			e.URL, e.Description, strings.Join(e.EventTypes, " "), e.Enabled, e.Secret, string(headers), now).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: create webhook endpoint: %w", err)
	}
	return id, nil
}

// UpdateWebhookEndpoint replaces an endpoint's settings. Enabling it
// again clears the reason it was disabled and its failure streak.
func (s *Store) UpdateWebhookEndpoint(ctx context.Context, e model.WebhookEndpoint) error {
	headers, err := json.Marshal(nonNilHeaders(e.Headers))
	if err != nil {
		return fmt.Errorf("store: encode headers: %w", err)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := urlFree(ctx, tx, e.URL, e.ID); err != nil {
			return err
		}
		return execAffected(ctx, tx, "webhook endpoint", e.ID, `UPDATE webhook_endpoints SET url = $1, description = $2,
			event_types = $3, headers = $4,
			disabled_reason = CASE WHEN $5 THEN '' ELSE disabled_reason END,
			failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END,
			enabled = $5, updated_at = $6 WHERE id = $7`,
			e.URL, e.Description, strings.Join(e.EventTypes, " "), string(headers), e.Enabled, s.Now(), e.ID)
	})
}

// RotateWebhookSecret makes secret the endpoint's signing secret; the
// old one keeps signing too until keepOld has passed.
func (s *Store) RotateWebhookSecret(ctx context.Context, id int64, secret string, keepOld time.Duration) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		return execAffected(ctx, tx, "webhook endpoint", id, `UPDATE webhook_endpoints SET previous_secret = secret,
			previous_secret_expires_at = $1, secret = $2, updated_at = $3 WHERE id = $4`, now.Add(keepOld), secret, now, id)
	})
}

// DeleteWebhookEndpoint removes an endpoint with its deliveries and log.
func (s *Store) DeleteWebhookEndpoint(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return execAffected(ctx, tx, "webhook endpoint", id, `DELETE FROM webhook_endpoints WHERE id = $1`, id)
	})
}

// WebhookEndpoint returns one endpoint, secrets included.
func (s *Store) WebhookEndpoint(ctx context.Context, id int64) (*model.WebhookEndpoint, error) {
	e, err := scanEndpoint(s.r.QueryRowContext(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "webhook endpoint", id)
	}
	return e, nil
}

// WebhookEndpoints lists every endpoint, or only the enabled ones.
func (s *Store) WebhookEndpoints(ctx context.Context, enabledOnly bool) ([]model.WebhookEndpoint, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE enabled OR NOT $1 ORDER BY id`, enabledOnly)
	if err != nil {
		return nil, fmt.Errorf("store: webhook endpoints: %w", err)
	}
	defer rows.Close()
	var out []model.WebhookEndpoint
	for rows.Next() {
		e, err := scanEndpoint(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan webhook endpoint: %w", err)
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

// urlFree refuses a URL that an endpoint other than self already has,
// unless self has it already: endpoints duplicated before duplicates were
// refused can still be edited, disabled and deleted. It runs in the write
// transaction, so two admins adding the same URL at once cannot both
// succeed.
func urlFree(ctx context.Context, tx *sql.Tx, url string, self int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM webhook_endpoints WHERE url = $1 AND id <> $2
		AND NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = $2 AND url = $1) ORDER BY id LIMIT 1`, url, self).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("store: endpoints at %s: %w", url, err)
	}
	return &model.EndpointTakenError{URL: url, EndpointID: id}
}

func nonNilHeaders(h map[string]string) map[string]string {
	if h == nil {
		return map[string]string{}
	}
	return h
}
