package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// DisabledNotice composes the emails telling admins that an endpoint was
// disabled, so they are queued in the same transaction as the disabling.
type DisabledNotice func(ep *model.WebhookEndpoint) ([]model.NewMail, error)

// RecordWebhookAttempts writes the outcomes of a batch of attempts in one
// transaction: each attempt's log entry, its delivery's new state, its
// endpoint's success or failure streak, and the disabling of endpoints an
// outcome asks to disable, with notice's emails. Attempts are inserted
// many rows to a statement and successes updated together, so a batch
// costs a few statements rather than two per attempt.
func (s *Store) RecordWebhookAttempts(ctx context.Context, outcomes []model.WebhookOutcome, notice DisabledNotice) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := insertAttempts(ctx, tx, outcomes); err != nil {
			return err
		}
		if err := s.updateDeliveries(ctx, tx, outcomes); err != nil {
			return err
		}
		if err := s.recordStreaks(ctx, tx, outcomes); err != nil {
			return err
		}
		for _, o := range outcomes {
			if o.Disable == "" {
				continue
			}
			if err := s.disableEndpoint(ctx, tx, o.Delivery.EndpointID, o.Disable, notice); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: record webhook attempts: %w", err)
	}
	return nil
}

// recordStreaks updates each endpoint once per batch: a success ends its
// failure streak, and a failure after its last success starts one. An
// attempt that began before the last success (a slow request recorded
// late) starts none: the endpoint has answered since.
func (s *Store) recordStreaks(ctx context.Context, tx *sql.Tx, outcomes []model.WebhookOutcome) error {
	type streak struct {
		success   bool
		failedAt  time.Time
		succeeded time.Time
	}
	eps := map[int64]*streak{}
	for _, o := range outcomes {
		st := eps[o.Delivery.EndpointID]
		if st == nil {
			st = &streak{}
			eps[o.Delivery.EndpointID] = st
		}
		if o.Attempt.Succeeded() {
			st.success, st.succeeded = true, o.Attempt.AttemptedAt
		} else if st.failedAt.IsZero() || o.Attempt.AttemptedAt.Before(st.failedAt) {
			st.failedAt = o.Attempt.AttemptedAt
		}
	}
	for id, st := range eps {
		var err error
		if st.success {
			if err = catchUp(ctx, tx, id, st.succeeded); err == nil {
				_, err = tx.ExecContext(ctx, `UPDATE webhook_endpoints SET last_success_at = $1, failing_since = NULL WHERE id = $2`,
					st.succeeded, id)
			}
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since,
				CASE WHEN last_success_at IS NULL OR last_success_at < $1 THEN $1 END) WHERE id = $2`, st.failedAt, id)
		}
		if err != nil {
			return fmt.Errorf("endpoint %d: %w", id, err)
		}
	}
	return nil
}

// disableEndpoint turns an endpoint off, fails its waiting deliveries
// (an admin can resend them after fixing it) and queues the notice.
// An endpoint already disabled is left alone, so admins hear once.
func (s *Store) disableEndpoint(ctx context.Context, tx *sql.Tx, id int64, reason string, notice DisabledNotice) error {
	now := s.Now()
	ep, err := scanEndpoint(tx.QueryRowContext(ctx, `UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = $1,
		updated_at = $2 WHERE id = $3 AND enabled RETURNING `+endpointColumns, reason, now, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("disable endpoint %d: %w", id, err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE webhook_deliveries SET state = 'failed', last_error = $1, updated_at = $2
		WHERE endpoint_id = $3 AND state = 'pending'`, "The endpoint was disabled: "+reason, now, id)
	if err != nil || notice == nil {
		return err
	}
	mails, err := notice(ep)
	if err != nil {
		return err
	}
	for _, m := range mails {
		if _, err := s.QueueEmailTx(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// catchUp brings forward the retries of an endpoint that answers again
// after failing: its waiting deliveries go now rather than at their
// backed-off times, so an endpoint that was down catches up at once.
func catchUp(ctx context.Context, tx *sql.Tx, endpointID int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE endpoint_id = $2
		AND state = 'pending' AND next_attempt_at > $1
		AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = $2 AND failing_since IS NOT NULL)`, now, endpointID)
	return err
}
