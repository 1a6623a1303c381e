package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// FinishEmails records how the sending of claimed messages ended, all in
// one transaction: sent, failed for good, or queued again for later. A
// message handed to SMTP or to a channel, or failed for good, stops
// keeping its one-time link: nobody needs it from the stored copy any
// more. The fallbacks held for a message are settled with it: skipped
// when it went out, queued when it failed for good.
func (s *Store) FinishEmails(ctx context.Context, outcomes []model.MailOutcome) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE emails SET state = $1, transport = $2, last_error = $3, next_attempt_at = $4,
			sent_at = $5, lease_expires_at = NULL, provider_id = $6, segments = $7 WHERE id = $8 AND state = 'sending'`)
		if err != nil {
			return fmt.Errorf("store: finish emails: %w", err)
		}
		defer stmt.Close()
		now := s.Now()
		for _, o := range outcomes {
			next, sent := now, any(nil)
			switch o.State {
			case model.MailQueued:
				next = o.RetryAt
			case model.MailSent:
				sent = now
			}
			res, err := stmt.ExecContext(ctx, o.State, o.Transport, o.Error, next, sent, o.ProviderID, o.Segments, o.ID)
			if err != nil {
				return fmt.Errorf("store: finish email %d: %w", o.ID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue // another sender took it over after the lease ended
			}
			if err := s.settleFallbacks(ctx, tx, o); err != nil {
				return err
			}
			if handedOver(o) {
				if err := s.redactLinks(ctx, tx, `id = $1`, o.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// ScheduleNextDelivery makes sure a delivery job runs when the next
// email falls due: a retry's time, or the end of a dead sender's lease.
// The delivery job calls it when the outbox has nothing due now.
func (s *Store) ScheduleNextDelivery(ctx context.Context) error {
	return s.scheduleNext(ctx, DeliverJobKind, `channel = 'email'`)
}

// ScheduleNextChannelDelivery does for the channel delivery job what
// ScheduleNextDelivery does for email.
func (s *Store) ScheduleNextChannelDelivery(ctx context.Context) error {
	return s.scheduleNext(ctx, ChannelJobKind, `channel <> 'email'`)
}

func (s *Store) scheduleNext(ctx context.Context, kind, channel string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var next time.Time
		for _, q := range []string{
			`SELECT next_attempt_at FROM emails WHERE state = 'queued' AND ` + channel + ` ORDER BY next_attempt_at LIMIT 1`,
			`SELECT lease_expires_at FROM emails WHERE state = 'sending' AND ` + channel + ` ORDER BY lease_expires_at LIMIT 1`,
		} {
			var t time.Time
			err := tx.QueryRowContext(ctx, q).Scan(&t)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("store: next email due: %w", err)
			}
			if next.IsZero() || t.Before(next) {
				next = t
			}
		}
		if next.IsZero() {
			return nil
		}
		return s.scheduleJob(ctx, tx, kind, next)
	})
}

// handedOver reports whether an outcome leaves the stored copy with no
// one to deliver it to: sent through SMTP or a channel, or failed for
// good. One kept in the built-in mailbox is delivered there, so it keeps
// its link while the link works.
func handedOver(o model.MailOutcome) bool {
	return o.State == model.MailFailed || (o.State == model.MailSent && o.Transport != model.TransportMailbox)
}
