package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// settleFallbacks settles the fallbacks held for the message an outcome
// finished. When the message went out they are closed as skipped, and
// their copy of the link is redacted: nobody will ever receive it. When
// it failed for good they are queued at once, with the reason, so the
// contact still gets the message by email. A retry leaves them held.
func (s *Store) settleFallbacks(ctx context.Context, tx *sql.Tx, o model.MailOutcome) error {
	var state model.MailState
	var before, after string
	switch o.State {
	case model.MailSent:
		state, before, after = model.MailSkipped, "Not needed: the message went out by ", "."
	case model.MailFailed:
		state, before, after = model.MailQueued, "Sent as the fallback: ", " failed: "+o.Error
	default:
		return nil
	}
	// The note names the channel as its message was queued; the subquery
	// runs only for the fallbacks found, so a message without one costs
	// one probe of the held index.
	res, err := tx.ExecContext(ctx, `UPDATE emails SET state = $1, note = $2 || (SELECT CASE WHEN f.channel_name <> ''
		THEN f.channel_name ELSE f.channel END FROM emails f WHERE f.id = $3) || $4, next_attempt_at = $5
		WHERE waits_for = $3 AND state = 'held'`, state, before, o.ID, after, s.Now())
	if err != nil {
		return fmt.Errorf("store: settle fallbacks of %d: %w", o.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	if state == model.MailSkipped {
		return s.redactLinks(ctx, tx, `waits_for = $1 AND state = 'skipped'`, o.ID)
	}
	return s.scheduleDelivery(ctx, tx, s.Now())
}
