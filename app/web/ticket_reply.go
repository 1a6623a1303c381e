package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/ticket"
)

// ticketReply sends an agent's reply, or adds a private note, and goes
// back to the ticket.
func (s *Server) ticketReply(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	in := ticket.AgentReply{Body: c.FormValue("body"), Private: c.FormValue("kind") == "note", SetStatus: c.FormValue("status")}
	err = s.tickets.Reply(c.UserContext(), actor(c), id, in)
	if fields, ok := fieldErrors(err); ok {
		return s.renderTicket(c, fiber.StatusUnprocessableEntity, func(p *ticketPage) { p.Reply, p.Errors = in, fields })
	}
	if err != nil {
		return err
	}
	msg := "Reply sent."
	if in.Private {
		msg = "Note added."
	}
	flash(c, msg)
	return redirect(c, fmt.Sprintf("/tickets/%d#latest", id))
}
