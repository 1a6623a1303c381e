package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// attemptRows is how many attempts one INSERT writes: 8 values each,
// well under SQLite's and PostgreSQL's limits on parameters.
const attemptRows = 100

// insertAttempts writes the log entry of every attempt.
func insertAttempts(ctx context.Context, tx *sql.Tx, outcomes []model.WebhookOutcome) error {
	for chunk := range slices.Chunk(outcomes, attemptRows) {
		rows := make([]string, len(chunk))
		args := make([]any, 0, 8*len(chunk))
		for i, o := range chunk {
			a := o.Attempt
			headers, _ := json.Marshal(a.RequestHeaders)
			rows[i] = placeholders(8*i+1, 8)
			args = append(args, o.Delivery.ID, a.AttemptedAt, a.Status, a.Duration.Milliseconds(), string(headers),
				a.RequestBody, a.ResponseBody, a.Error)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO webhook_attempts (delivery_id, attempted_at, status, duration_ms,
			request_headers, request_body, response_body, error) VALUES `+strings.Join(rows, ", "), args...)
		if err != nil {
			return fmt.Errorf("attempts of %d deliveries: %w", len(chunk), err)
		}
	}
	return nil
}

// placeholders returns "($from, ..., $from+n-1)".
func placeholders(from, n int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	b.WriteByte(')')
	return b.String()
}

// updateDeliveries moves each delivery out of "sending": delivered ones
// in one statement per answer status, failed ones one by one with their
// own retry time and error. A delivery no longer being sent (resent or
// reclaimed meanwhile) is left alone.
func (s *Store) updateDeliveries(ctx context.Context, tx *sql.Tx, outcomes []model.WebhookOutcome) error {
	now := s.Now()
	delivered := map[int][]any{}
	for _, o := range outcomes {
		if o.Attempt.Succeeded() {
			delivered[o.Attempt.Status] = append(delivered[o.Attempt.Status], o.Delivery.ID)
		} else if err := s.failDelivery(ctx, tx, o, now); err != nil {
			return err
		}
	}
	for status, ids := range delivered {
		_, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = 'delivered', delivered_at = $1, last_status = $2,
			last_error = '', lease_expires_at = NULL, updated_at = $1 WHERE state = 'sending' AND id IN `+
			placeholders(3, len(ids)), append([]any{now, status}, ids...)...)
		if err != nil {
			return fmt.Errorf("%d delivered deliveries: %w", len(ids), err)
		}
	}
	if len(outcomes) > 0 {
		s.outbox.deliveries.mark()
	}
	return nil
}

// failDelivery schedules a failed attempt's retry, or fails the delivery
// after its last attempt.
func (s *Store) failDelivery(ctx context.Context, tx *sql.Tx, o model.WebhookOutcome, now time.Time) error {
	a, d := o.Attempt, o.Delivery
	state, next := model.DeliveryPending, o.NextAttemptAt
	if next.IsZero() {
		state, next = model.DeliveryFailed, now
	}
	_, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = $1, next_attempt_at = $2, last_status = $3,
		last_error = $4, lease_expires_at = NULL, updated_at = $5 WHERE id = $6 AND state = 'sending'`,
		state, next, a.Status, a.Error, now, d.ID)
	if err != nil {
		return fmt.Errorf("delivery %d: %w", d.ID, err)
	}
	return nil
}
