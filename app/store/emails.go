package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// DeliverJobKind is the kind of the job that empties the outbox.
const DeliverJobKind = "mail.deliver"

// ChannelJobKind is the kind of the job that hands the outbox's messages
// for notification channels to their plugins.
const ChannelJobKind = "notify.deliver"

const emailColumns = `id, message_id, to_address, to_name, subject, html, text, template, coalesce(contact_id, 0),
	state, transport, attempts, last_error, next_attempt_at, created_at, sent_at, link_hash, link_redacted_at,
	channel, channel_name, address_kind, coalesce(waits_for, 0), note, provider_id, segments, delivery, delivery_detail, delivery_at`

func scanEmail(row interface{ Scan(...any) error }) (*model.Mail, error) {
	var e model.Mail
	err := row.Scan(&e.ID, &e.MessageID, &e.To, &e.ToName, &e.Subject, &e.HTML, &e.Text, &e.Template, &e.ContactID,
		&e.State, &e.Transport, &e.Attempts, &e.LastError, &e.NextAttemptAt, &e.CreatedAt, &e.SentAt, &e.LinkHash, &e.LinkRedactedAt,
		&e.Channel, &e.ChannelName, &e.AddressKind, &e.WaitsFor, &e.Note, &e.ProviderID, &e.Segments,
		&e.Delivery, &e.DeliveryDetail, &e.DeliveryAt)
	return &e, err
}

// QueueEmail puts one email in the outbox and makes sure a delivery job
// will pick it up.
func (s *Store) QueueEmail(ctx context.Context, e model.NewMail) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.QueueEmailTx(ctx, tx, e)
		return err
	})
	return id, err
}

// QueueEmails puts many emails in the outbox in one transaction, for bulk
// sends: all of them are queued, or none.
func (s *Store) QueueEmails(ctx context.Context, es []model.NewMail) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.QueueMessagesTx(ctx, tx, es)
		return err
	})
}

// QueueEmailTx queues an email inside a write transaction that store
// methods already hold, so a change (an activation token, a new password)
// and the email telling about it commit together or not at all.
func (s *Store) QueueEmailTx(ctx context.Context, tx *sql.Tx, e model.NewMail) (int64, error) {
	ids, err := s.QueueMessagesTx(ctx, tx, []model.NewMail{e})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// scheduleDelivery adds an email delivery job to run at runAt unless one
// already waits to run by then.
func (s *Store) scheduleDelivery(ctx context.Context, tx *sql.Tx, runAt time.Time) error {
	return s.scheduleJob(ctx, tx, DeliverJobKind, runAt)
}

// scheduleJob adds a job of kind to run at runAt unless one already waits
// to run by then. Writes go through one connection, so two callers never
// both see "none waiting"; at worst a spare job finds nothing to do.
func (s *Store) scheduleJob(ctx context.Context, tx *sql.Tx, kind string, runAt time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO jobs (kind, payload, max_attempts, run_at, created_at, updated_at)
		SELECT $1, '{}', 5, $2, $3, $3 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND state = 'queued' AND run_at <= $2)`,
		kind, runAt, s.Now())
	if err != nil {
		return fmt.Errorf("store: schedule %s: %w", kind, err)
	}
	return nil
}

// ClaimEmails takes up to limit due emails for sending: queued ones whose
// time has come, and ones whose sender died while holding them. Each is
// held for lease; one not finished by then is sent again.
func (s *Store) ClaimEmails(ctx context.Context, limit int, lease time.Duration) ([]model.Mail, error) {
	return s.claim(ctx, true, limit, lease)
}

// ClaimChannelMessages takes up to limit due messages for notification
// channels, as ClaimEmails does for email.
func (s *Store) ClaimChannelMessages(ctx context.Context, limit int, lease time.Duration) ([]model.Mail, error) {
	return s.claim(ctx, false, limit, lease)
}

// claim claims due email, or due channel messages.
func (s *Store) claim(ctx context.Context, email bool, limit int, lease time.Duration) ([]model.Mail, error) {
	now := s.Now()
	rows, err := s.w.QueryContext(ctx, `UPDATE emails SET state = 'sending', attempts = attempts + 1, lease_expires_at = $1
		WHERE id IN (SELECT id FROM emails WHERE (channel = 'email') = $2 AND ((state = 'queued' AND next_attempt_at <= $3)
			OR (state = 'sending' AND lease_expires_at < $3)) ORDER BY id LIMIT $4)
		RETURNING `+emailColumns, now.Add(lease), email, now, limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim emails: %w", err)
	}
	defer rows.Close()
	var out []model.Mail
	for rows.Next() {
		e, err := scanEmail(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan email: %w", err)
		}
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, rows.Err()
}
