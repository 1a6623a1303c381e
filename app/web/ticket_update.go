package web

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/ticket"
)

// ticketUpdate changes a ticket's status, assignee or company: the
// fields the form names in "fields", so each side-panel form changes
// only its own.
func (s *Server) ticketUpdate(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	in := ticket.Change{Fields: strings.Fields(c.FormValue("fields")), Status: c.FormValue("status"),
		Assign: c.FormValue("assignee"), Company: c.FormValue("company")}
	changed, err := s.tickets.Update(c.UserContext(), actor(c), id, in)
	if fields, ok := fieldErrors(err); ok {
		return s.renderTicket(c, fiber.StatusUnprocessableEntity, func(p *ticketPage) { p.Company, p.Errors = in.Company, fields })
	}
	if err != nil {
		return err
	}
	msg := "Nothing changed."
	if len(changed) > 0 {
		msg = "Ticket updated: " + strings.Join(changed, ", ") + "."
	}
	flash(c, msg)
	return redirect(c, fmt.Sprintf("/tickets/%d", id))
}
