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
	var note string
	name, err := s.channelNameOf(ctx, tx, o.ID)
	if err != nil {
		return err
	}
	switch o.State {
	case model.MailSent:
		state, note = model.MailSkipped, "Not needed: the message went out by "+name+"."
	case model.MailFailed:
		state, note = model.MailQueued, "Sent as the fallback: "+name+" failed: "+o.Error
	default:
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE emails SET state = $1, note = $2, next_attempt_at = $3
		WHERE waits_for = $4 AND state = 'held'`, state, note, s.Now(), o.ID)
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

// channelNameOf says how a message's channel reads in a note: its
// instance's name, or "email".
func (s *Store) channelNameOf(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var channel, name string
	err := tx.QueryRowContext(ctx, `SELECT channel, channel_name FROM emails WHERE id = $1`, id).Scan(&channel, &name)
	if err != nil {
		return "", fmt.Errorf("store: channel of message %d: %w", id, err)
	}
	if name == "" {
		name = channel
	}
	return name, nil
}
