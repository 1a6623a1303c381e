package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalTicketPage is one ticket in the portal: its description and the
// public replies, never agents' private notes.
type portalTicketPage struct {
	portalBase
	Ticket  *model.Ticket
	Replies []model.ThreadItem
	// Body is the reply form as typed, kept when it fails validation.
	Body string
}

// portalTicketShow opens a ticket the customer may see. Another
// contact's ticket is "not found", like an id that does not exist.
func (s *Server) portalTicketShow(c *fiber.Ctx) error {
	return s.renderPortalTicket(c, fiber.StatusOK, nil)
}

func (s *Server) renderPortalTicket(c *fiber.Ctx, status int, edit func(*portalTicketPage)) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.tickets.Get(c.UserContext(), currentCustomer(c).ID, id)
	if err != nil {
		return err
	}
	b, err := s.portalBaseOf(c, t.Subject)
	if err != nil {
		return err
	}
	p := &portalTicketPage{portalBase: b, Ticket: t}
	if p.Replies, err = s.tickets.Thread(c.UserContext(), id, false); err != nil {
		return err
	}
	if edit != nil {
		edit(p)
	}
	return render(c, status, "portal/ticket", "", p)
}
