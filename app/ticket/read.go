package ticket

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Ticket returns any ticket, for the agents' desk; customers go through
// Get, which checks the ticket is theirs.
func (s *Service) Ticket(ctx context.Context, id int64) (*model.Ticket, error) {
	return s.Store.Ticket(ctx, id)
}

// Find returns the page of tickets q asks for, whoever they belong to.
func (s *Service) Find(ctx context.Context, q model.TicketQuery) (*model.TicketPage, error) {
	return s.Store.ListTickets(ctx, q)
}

// OfContact returns a contact's latest tickets, up to limit.
func (s *Service) OfContact(ctx context.Context, contactID int64, limit int) ([]model.Ticket, error) {
	return s.Store.ContactTickets(ctx, contactID, limit)
}
