package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PruneWebhookLog deletes the deliveries that finished (delivered, or
// failed for good) before before, with their attempts, and returns how
// many of each it deleted. Pending and sending deliveries of an enabled
// endpoint stay, however old; those of a disabled endpoint, which no
// sender takes, go once they are as old, and so do its streams of bulk
// events, so nothing waits forever. Like PruneEvents it works one window
// of ids per transaction.
func (s *Store) PruneWebhookLog(ctx context.Context, before time.Time) (deliveries, attempts int64, err error) {
	for after := int64(0); ; {
		var d, a int64
		var done bool
		err := s.tx(ctx, func(tx *sql.Tx) (err error) {
			after, d, a, done, err = pruneDeliveryWindow(ctx, tx, after, before)
			return err
		})
		if err != nil {
			return deliveries, attempts, fmt.Errorf("store: prune webhook log: %w", err)
		}
		deliveries, attempts = deliveries+d, attempts+a
		if done {
			return deliveries, attempts, s.pruneDisabledStreams(ctx, before)
		}
	}
}

// finishedIn selects the deliveries with ids $1 to $2 that finished
// before $3, or whose endpoint is disabled and that last changed before
// $3. A delivery's last change is its finish: nothing changes a finished
// delivery but a resend, which makes it pending again.
const finishedIn = `SELECT id FROM webhook_deliveries WHERE id BETWEEN $1 AND $2 AND updated_at < $3
	AND (state IN ('delivered', 'failed') OR endpoint_id IN (SELECT id FROM webhook_endpoints WHERE NOT enabled))`

// pruneDisabledStreams ends the bulk streams of disabled endpoints that
// began before before, so PruneEvents can delete their batches.
func (s *Store) pruneDisabledStreams(ctx context.Context, before time.Time) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM webhook_streams WHERE created_at < $1
			AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE NOT enabled)`, before)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: prune streams of disabled endpoints: %w", err)
	}
	return nil
}

// pruneDeliveryWindow deletes the finished deliveries among the
// pruneChunk ids from the first delivery past after, attempts first (so
// they can be counted), and returns the last id it covered. It is done
// at the first delivery created too recently to have finished in time.
func pruneDeliveryWindow(ctx context.Context, tx *sql.Tx, after int64, before time.Time) (last, d, a int64, done bool, err error) {
	first, ok, err := firstBefore(ctx, tx, `SELECT id, created_at FROM webhook_deliveries WHERE id > $1
		ORDER BY id LIMIT 1`, after, before)
	if err != nil || !ok {
		return 0, 0, 0, true, err
	}
	last = first + pruneChunk - 1
	if a, err = execCount(ctx, tx, `DELETE FROM webhook_attempts WHERE delivery_id IN (`+finishedIn+`)`, first, last, before); err != nil {
		return 0, 0, 0, false, fmt.Errorf("attempts of deliveries %d to %d: %w", first, last, err)
	}
	if d, err = execCount(ctx, tx, `DELETE FROM webhook_deliveries WHERE id IN (`+finishedIn+`)`, first, last, before); err != nil {
		return 0, 0, 0, false, fmt.Errorf("deliveries %d to %d: %w", first, last, err)
	}
	return last, d, a, false, nil
}

// execCount runs a statement and returns how many rows it changed.
func execCount(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
