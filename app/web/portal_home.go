package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// homeTickets is how many tickets the portal's start page lists.
const homeTickets = 5

// portalTicketsPage lists tickets: the start page's newest few, or a
// page of all of them.
type portalTicketsPage struct {
	portalBase
	Tickets []model.Ticket
	// Page is the page shown, from 1; More says an older page follows.
	Page int
	More bool
}

// portalHome is the signed-in customer's start page, with their newest
// tickets.
func (s *Server) portalHome(c *fiber.Ctx) error {
	cu := currentCustomer(c)
	b, err := s.portalBaseOf(c, "Your account")
	if err != nil {
		return err
	}
	ts, more, err := s.tickets.List(c.UserContext(), cu.ID, 1, homeTickets)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "portal/home", "", portalTicketsPage{portalBase: b, Tickets: ts, Page: 1, More: more})
}
