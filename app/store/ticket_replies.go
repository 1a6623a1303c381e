package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// AddReply adds a reply or private note to a ticket, in one transaction
// with what follows from it: a customer's reply reopens a pending,
// resolved or closed ticket (as Freshdesk does); an agent's may set a
// status ("send and set as"); a public reply writes ticket.replied, a
// status move ticket.updated, and the requester's notification, when
// given (a channel message, its held email fallback, or an email), is
// queued.
func (s *Store) AddReply(ctx context.Context, actor model.Actor, r model.NewReply) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		t, err := ticketOne(ctx, tx, r.TicketID)
		if err != nil {
			return err
		}
		if id, err = s.insertReply(ctx, tx, actor, r); err != nil {
			return err
		}
		if err := s.replyEffects(ctx, tx, actor, t, r); err != nil {
			return err
		}
		if r.Private {
			return nil
		}
		return s.repliedEvent(ctx, tx, t.ID, id, r.Messages)
	})
	return id, err
}

func (s *Store) insertReply(ctx context.Context, tx *sql.Tx, actor model.Actor, r model.NewReply) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO ticket_replies (ticket_id, author_kind, agent_id, contact_id, author_name, body, private, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		r.TicketID, r.AuthorKind, nullableID(actor.ID), nullableID(r.ContactID), actor.Name, r.Body, r.Private, s.Now()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert reply to ticket %d: %w", r.TicketID, err)
	}
	return id, nil
}

// replyEffects moves the ticket's status as the reply implies and bumps
// its updated_at, writing ticket.updated when the status moved.
func (s *Store) replyEffects(ctx context.Context, tx *sql.Tx, actor model.Actor, t *model.Ticket, r model.NewReply) error {
	to := r.SetStatus
	if r.AuthorKind == model.AuthorCustomer && t.Status != model.TicketOpen {
		to = model.TicketOpen
	}
	moved := false
	if to != "" {
		var err error
		if moved, err = s.setTicketStatus(ctx, tx, actor, t, to); err != nil {
			return err
		}
	}
	if !moved {
		return s.touchTicket(ctx, tx, t.ID, "status", t.Status)
	}
	return s.ticketUpdated(ctx, tx, t.ID, []string{"status"})
}

func (s *Store) repliedEvent(ctx context.Context, tx *sql.Tx, ticketID, replyID int64, ms []model.NewMail) error {
	t, err := ticketOne(ctx, tx, ticketID)
	if err != nil {
		return err
	}
	rs, err := scanReplies(ctx, tx, `WHERE id = $1`, replyID)
	if err != nil || len(rs) == 0 {
		return fmt.Errorf("store: reread reply %d: %w", replyID, err)
	}
	if err := s.WriteEventTx(ctx, tx, events.TicketReplied{Ticket: events.TicketOf(t), Reply: events.ReplyOf(&rs[0])}); err != nil {
		return err
	}
	if len(ms) == 0 {
		return nil
	}
	out := make([]model.NewMail, len(ms))
	for i, m := range ms {
		m.ContactID = t.ContactID
		out[i] = m
	}
	_, err = s.QueueMessagesTx(ctx, tx, out)
	return err
}

// Replies returns a ticket's replies oldest first; private notes only
// when withNotes is set (for agents).
func (s *Store) Replies(ctx context.Context, ticketID int64, withNotes bool) ([]model.Reply, error) {
	return scanReplies(ctx, s.r, `WHERE ticket_id = $1 AND (NOT private OR $2) ORDER BY id`, ticketID, withNotes)
}

func scanReplies(ctx context.Context, db querier, where string, args ...any) ([]model.Reply, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, ticket_id, author_kind, coalesce(agent_id, 0), coalesce(contact_id, 0),
		author_name, body, private, created_at FROM ticket_replies `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: replies: %w", err)
	}
	defer rows.Close()
	var out []model.Reply
	for rows.Next() {
		var r model.Reply
		if err := rows.Scan(&r.ID, &r.TicketID, &r.AuthorKind, &r.AgentID, &r.ContactID, &r.AuthorName, &r.Body,
			&r.Private, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: scan reply: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
