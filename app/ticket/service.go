package ticket

import (
	"context"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/store"
)

// PerPage is how many tickets a page of the portal's list shows.
const PerPage = 25

// Service raises tickets and shows them to the customers allowed to see
// them.
type Service struct {
	Store      *store.Store
	Mailer     *mail.Mailer
	Activation *activation.Service
	// Notify routes an agent's reply to the requester by the ticket
	// message rule (a channel, a channel then email, or email); nil
	// emails it.
	Notify *notify.Service
	// BaseURL is the server's public URL, which emailed links start with.
	BaseURL string
}

// Submit raises a ticket for a signed-in customer.
func (s *Service) Submit(ctx context.Context, cu *model.Customer, in Input) (int64, error) {
	in, err := in.Validate()
	if err != nil {
		return 0, err
	}
	return s.Store.CreateTicket(ctx, model.Actor{Name: cu.Name},
		model.NewTicket{ContactID: cu.ID, Subject: in.Subject, Description: in.Description, SignedIn: true})
}

// List returns page (from 1) of the tickets a customer sees, newest
// first, and whether an older page follows.
func (s *Service) List(ctx context.Context, contactID int64, page, perPage int) ([]model.Ticket, bool, error) {
	page = max(page, 1)
	ts, err := s.Store.VisibleTickets(ctx, contactID, perPage+1, (page-1)*perPage)
	if err != nil || len(ts) <= perPage {
		return ts, false, err
	}
	return ts[:perPage], true, nil
}

// Get returns a ticket the customer may see; any other id, existing or
// not, is ErrNotFound.
func (s *Service) Get(ctx context.Context, contactID, id int64) (*model.Ticket, error) {
	return s.Store.VisibleTicket(ctx, contactID, id)
}
