package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

// portalTicketReply adds a customer's reply to a ticket they may see; a
// reply to a pending, resolved or closed ticket reopens it.
func (s *Server) portalTicketReply(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	body := c.FormValue("body")
	err = s.tickets.CustomerReply(c.UserContext(), currentCustomer(c), id, body)
	if fields, ok := fieldErrors(err); ok {
		return s.renderPortalTicket(c, fiber.StatusUnprocessableEntity, func(p *portalTicketPage) { p.Body, p.Errors = body, fields })
	}
	if err != nil {
		return err
	}
	flash(c, "Your reply was sent.")
	return redirect(c, fmt.Sprintf("/portal/tickets/%d#latest", id))
}

// portalTicketReopen opens a resolved or closed ticket again.
func (s *Server) portalTicketReopen(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.tickets.Reopen(c.UserContext(), currentCustomer(c), id); err != nil {
		return err
	}
	flash(c, "The ticket is open again. Tell us what is still wrong below.")
	return redirect(c, fmt.Sprintf("/portal/tickets/%d#reply", id))
}
