package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// LatestWebhookDeliveries returns each endpoint's newest delivery, for
// the endpoint list. Each is one seek on the (endpoint_id, id) index,
// however long the logs are.
func (s *Store) LatestWebhookDeliveries(ctx context.Context) (map[int64]model.WebhookDelivery, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+prefixed("d.", deliveryColumns)+` FROM webhook_endpoints e
		JOIN webhook_deliveries d ON d.id = (SELECT max(id) FROM webhook_deliveries WHERE endpoint_id = e.id)`)
	if err != nil {
		return nil, fmt.Errorf("store: latest webhook deliveries: %w", err)
	}
	defer rows.Close()
	out := map[int64]model.WebhookDelivery{}
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan delivery: %w", err)
		}
		out[d.EndpointID] = d
	}
	return out, rows.Err()
}

// CountFailedWebhooks counts an endpoint's failed deliveries created at or
// after since: what ResendFailedWebhooks would send again.
func (s *Store) CountFailedWebhooks(ctx context.Context, endpointID int64, since time.Time) (int64, error) {
	var n int64
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1 AND state = 'failed'
		AND created_at >= $2`, endpointID, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count failed deliveries of endpoint %d: %w", endpointID, err)
	}
	return n, nil
}

// WebhookAttemptsOf lists the attempts of several deliveries at once,
// oldest first per delivery, for a page of the delivery log.
func (s *Store) WebhookAttemptsOf(ctx context.Context, deliveryIDs []int64) (map[int64][]model.WebhookAttempt, error) {
	out := map[int64][]model.WebhookAttempt{}
	if len(deliveryIDs) == 0 {
		return out, nil
	}
	marks := make([]string, len(deliveryIDs))
	args := make([]any, len(deliveryIDs))
	for i, id := range deliveryIDs {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+attemptColumns+` FROM webhook_attempts
		WHERE delivery_id IN (`+strings.Join(marks, ", ")+`) ORDER BY delivery_id, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: attempts of %d deliveries: %w", len(deliveryIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, err
		}
		out[a.DeliveryID] = append(out[a.DeliveryID], a)
	}
	return out, rows.Err()
}
