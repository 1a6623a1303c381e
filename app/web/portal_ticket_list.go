package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/ticket"
)

// portalTicketList lists the tickets a customer sees, newest first: their
// own, and those of companies where they may view all tickets.
func (s *Server) portalTicketList(c *fiber.Ctx) error {
	page := max(c.QueryInt("page", 1), 1)
	b, err := s.portalBaseOf(c, "Tickets")
	if err != nil {
		return err
	}
	ts, more, err := s.tickets.List(c.UserContext(), currentCustomer(c).ID, page, ticket.PerPage)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "portal/tickets", "", portalTicketsPage{portalBase: b, Tickets: ts, Page: page, More: more})
}
