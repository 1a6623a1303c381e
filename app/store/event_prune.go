package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// pruneChunk is how many rows one transaction of a prune deletes at most:
// the one writer is held for a chunk at a time, so imports and webhooks
// wait a moment, never for the whole prune.
const pruneChunk = 5000

// PruneEvents deletes the events created before before that no consumer
// needs any more: the webhook fan-out has handled them, no delivery
// refers to them (one still pending reads its payload from the event, and
// a finished one keeps it for its log until PruneWebhookLog removes it),
// no endpoint's stream still has a batch's entries to deliver, and every
// running CRM connector has pushed it (a paused one's changes wait). It
// works from the oldest event up, one window of positions per
// transaction, and returns how many events it deleted, each entry of a
// bulk batch counting as one.
func (s *Store) PruneEvents(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for after := int64(0); ; {
		var n int64
		var done bool
		err := s.tx(ctx, func(tx *sql.Tx) (err error) {
			after, n, done, err = pruneEventWindow(ctx, tx, after, before)
			return err
		})
		if err != nil {
			return total, fmt.Errorf("store: prune events: %w", err)
		}
		total += n
		if done {
			return total, nil
		}
	}
}

// pruneEventWindow deletes the prunable events among the pruneChunk
// positions from the first event past after, and returns the last
// position it covered. It is done at the first event that is too recent:
// positions follow time, so none past it is due.
func pruneEventWindow(ctx context.Context, tx *sql.Tx, after int64, before time.Time) (last, n int64, done bool, err error) {
	first, ok, err := firstBefore(ctx, tx, `SELECT position, created_at FROM events WHERE position > $1
		ORDER BY position LIMIT 1`, after, before)
	if err != nil || !ok {
		return 0, 0, true, err
	}
	last = first + pruneChunk - 1
	counts, err := int64s(ctx, tx, `DELETE FROM events WHERE position BETWEEN $1 AND $2 AND created_at < $3 AND fanned_out
		AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_position = events.position)
		AND NOT EXISTS (SELECT 1 FROM webhook_streams s WHERE s.event_position = events.position)
		AND NOT EXISTS (SELECT 1 FROM crm_connectors c WHERE c.state = 'running' AND c.push_position < events.position)
		RETURNING entries`,
		first, last, before)
	for _, c := range counts {
		n += c
	}
	if err != nil {
		return 0, 0, false, fmt.Errorf("events %d to %d: %w", first, last, err)
	}
	return last, n, false, nil
}

// firstBefore runs query, which selects the key and creation time of the
// first row past after, and returns that key when the row was created
// before before.
func firstBefore(ctx context.Context, tx *sql.Tx, query string, after int64, before time.Time) (int64, bool, error) {
	var key int64
	var at time.Time
	err := tx.QueryRowContext(ctx, query, after).Scan(&key, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return key, at.Before(before), nil
}
