package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalTicketPage is one ticket in the portal.
type portalTicketPage struct {
	portalBase
	Ticket *model.Ticket
}

// portalTicketShow opens a ticket the customer may see. Another
// contact's ticket is "not found", like an id that does not exist.
func (s *Server) portalTicketShow(c *fiber.Ctx) error {
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
	return render(c, fiber.StatusOK, "portal/ticket", "", portalTicketPage{portalBase: b, Ticket: t})
}
