package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

const ticketSelect = `SELECT ` + ticketColumns + ` FROM ` + ticketJoins

const ticketColumns = `t.id, t.contact_id, c.name, coalesce(t.company_id, 0), coalesce(co.name, ''),
	t.subject, t.description, t.status, t.created_at, t.updated_at, t.submitted_signed_in,
	coalesce((SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id AND e.is_primary), ''), c.state,
	coalesce(t.assignee_id, 0), coalesce(ag.name, '')`

const ticketJoins = `tickets t JOIN contacts c ON c.id = t.contact_id LEFT JOIN companies co ON co.id = t.company_id
	LEFT JOIN agents ag ON ag.id = t.assignee_id`

// visibleTickets is the portal's rule: a contact sees the tickets they
// raised and those of every company where their membership may view all
// tickets, a ticket's company being the one stored when it was raised.
// A ticket id other than 0 picks that ticket alone.
const visibleTickets = ticketSelect + ` WHERE (t.contact_id = $1 OR t.company_id IN
		(SELECT company_id FROM contact_companies WHERE contact_id = $1 AND view_all_tickets))
	AND ($2 = 0 OR t.id = $2)
	ORDER BY t.created_at DESC, t.id DESC LIMIT $3 OFFSET $4`

// VisibleTickets returns the tickets a contact may see in the portal,
// newest first.
func (s *Store) VisibleTickets(ctx context.Context, contactID int64, limit, offset int) ([]model.Ticket, error) {
	return s.tickets(ctx, visibleTickets, contactID, 0, limit, offset)
}

// VisibleTicket returns one ticket if the contact may see it, and
// ErrNotFound otherwise, so nobody learns which ids exist.
func (s *Store) VisibleTicket(ctx context.Context, contactID, id int64) (*model.Ticket, error) {
	ts, err := s.tickets(ctx, visibleTickets, contactID, id, 1, 0)
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, fmt.Errorf("store: ticket %d for contact %d: %w", id, contactID, model.ErrNotFound)
	}
	return &ts[0], nil
}

// ContactTickets returns the tickets a contact raised, newest first, for
// the agents' contact page.
func (s *Store) ContactTickets(ctx context.Context, contactID int64, limit int) ([]model.Ticket, error) {
	return s.tickets(ctx, ticketSelect+` WHERE t.contact_id = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
		contactID, limit)
}

// Ticket returns any ticket, for agents.
func (s *Store) Ticket(ctx context.Context, id int64) (*model.Ticket, error) {
	return ticketOne(ctx, s.r, id)
}

func ticketOne(ctx context.Context, q querier, id int64) (*model.Ticket, error) {
	ts, err := scanTickets(ctx, q, ticketSelect+` WHERE t.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, fmt.Errorf("store: ticket %d: %w", id, model.ErrNotFound)
	}
	return &ts[0], nil
}

func (s *Store) tickets(ctx context.Context, q string, args ...any) ([]model.Ticket, error) {
	return scanTickets(ctx, s.r, q, args...)
}

func scanTickets(ctx context.Context, db querier, q string, args ...any) ([]model.Ticket, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: tickets: %w", err)
	}
	defer rows.Close()
	var out []model.Ticket
	for rows.Next() {
		var t model.Ticket
		if err := rows.Scan(&t.ID, &t.ContactID, &t.ContactName, &t.CompanyID, &t.CompanyName,
			&t.Subject, &t.Description, &t.Status, &t.CreatedAt, &t.UpdatedAt, &t.SignedIn,
			&t.ContactEmail, &t.ContactState, &t.AssigneeID, &t.AssigneeName); err != nil {
			return nil, fmt.Errorf("store: scan ticket: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
