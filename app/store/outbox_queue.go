package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// QueueMessagesTx queues messages of any channel inside a write
// transaction, in order, and makes sure the delivery jobs of their
// channels will pick them up. A message marked Held is written as the
// fallback of the one before it: it waits, held, until that one fails
// for good. It returns the messages' ids.
func (s *Store) QueueMessagesTx(ctx context.Context, tx *sql.Tx, ms []model.NewMail) ([]int64, error) {
	ids := make([]int64, len(ms))
	var email, channel bool
	for i, m := range ms {
		var waits int64
		if m.Held {
			if i == 0 {
				return nil, fmt.Errorf("store: queue message: a held fallback needs a message before it")
			}
			waits = ids[i-1]
		}
		id, err := s.insertMail(ctx, tx, m, waits)
		if err != nil {
			return nil, err
		}
		ids[i] = id
		email = email || (!m.Held && m.Channel.IsEmail())
		channel = channel || !m.Channel.IsEmail()
	}
	return ids, s.scheduleChannels(ctx, tx, email, channel)
}

// scheduleChannels books a run of the email and channel delivery jobs
// now, as asked.
func (s *Store) scheduleChannels(ctx context.Context, tx *sql.Tx, email, channel bool) error {
	if email {
		if err := s.scheduleDelivery(ctx, tx, s.Now()); err != nil {
			return err
		}
	}
	if channel {
		return s.scheduleJob(ctx, tx, ChannelJobKind, s.Now())
	}
	return nil
}

func (s *Store) insertMail(ctx context.Context, tx *sql.Tx, e model.NewMail, waitsFor int64) (int64, error) {
	if e.MessageID == "" || e.To == "" {
		return 0, fmt.Errorf("store: queue message: a message id and a recipient are required")
	}
	var contact, waits any
	if e.ContactID != 0 {
		contact = e.ContactID
	}
	state := model.MailQueued
	if waitsFor != 0 {
		state, waits = model.MailHeld, waitsFor
	}
	channel, kind := e.Channel, e.AddressKind
	if channel == "" {
		channel = model.ChannelEmail
	}
	if kind == "" {
		kind = model.AddressEmail
	}
	now := s.Now()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO emails (message_id, to_address, to_name, subject, html, text, template, contact_id,
		next_attempt_at, created_at, link_hash, channel, channel_name, address_kind, state, waits_for, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
		e.MessageID, e.To, e.ToName, e.Subject, e.HTML, e.Text, e.Template, contact, now, e.LinkHash,
		channel, e.ChannelName, kind, state, waits, e.Note).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: queue message to %s: %w", e.To, err)
	}
	return id, nil
}
