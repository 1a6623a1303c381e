package store

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// RecordDelivery keeps what a channel's delivery report says of the
// message it accepted under key: status ("delivered", "failed",
// "pending"), the channel's words, and when. A report older than the one
// kept is ignored, as channels may send them out of order, and so is a
// "pending" after the final word (delivered or failed), which a gateway's
// acknowledgement can be when it arrives last. It reports whether a
// message took it.
func (s *Store) RecordDelivery(ctx context.Context, channel model.Channel, key, status, detail string, at time.Time) (bool, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE emails SET delivery = $1, delivery_detail = $2, delivery_at = $3
		WHERE message_id = $4 AND channel = $5 AND (delivery_at IS NULL OR delivery_at <= $3)
		AND NOT ($1 = 'pending' AND delivery IN ('delivered', 'failed'))`, status, detail, at.UTC(), key, channel)
	if err != nil {
		return false, fmt.Errorf("store: record delivery of %s: %w", key, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
