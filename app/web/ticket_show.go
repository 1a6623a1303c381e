package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/ticket"
)

// ticketPage is a ticket for agents: the conversation with notes and
// changes, the reply form and the side panel's fields.
type ticketPage struct {
	Base
	Ticket *model.Ticket
	Thread []model.ThreadItem
	Agents []model.Agent
	// Companies are the requester's companies, suggested for a
	// correction of the ticket's company.
	Companies []model.Membership
	// Reply is the reply form as typed, kept when it fails validation.
	Reply ticket.AgentReply
	// Company is the company field as typed.
	Company string
	// Time is the ticket's time, shown until the time panel loads in its
	// place, and instead of it without JavaScript.
	Time model.TimeTotals
	// Route says how a reply reaches the requester ("by email to …").
	Route string
}

// Statuses are the status select's choices.
func (ticketPage) Statuses() []model.TicketStatus { return model.TicketStatuses }

// Route says how a reply reaches the requester, by the ticket message
// rule; "" when nothing does.
func (p ticketPage) Reachable() bool { return p.Route != "" }

// ticketShow shows a ticket to an agent.
func (s *Server) ticketShow(c *fiber.Ctx) error {
	return s.renderTicket(c, fiber.StatusOK, nil)
}

// renderTicket renders the ticket's page; edit adjusts it first (a form
// that failed comes back as typed, with its errors).
func (s *Server) renderTicket(c *fiber.Ctx, status int, edit func(*ticketPage)) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	t, err := s.tickets.Ticket(ctx, id)
	if err != nil {
		return err
	}
	p := &ticketPage{Base: base(c, t.Subject, "tickets"), Ticket: t, Company: t.CompanyName}
	if p.Thread, err = s.tickets.Thread(ctx, id, true); err != nil {
		return err
	}
	if p.Route, err = s.tickets.Route(ctx, t); err != nil {
		return err
	}
	agents, err := s.agents.Team(ctx)
	if err != nil {
		return err
	}
	p.Agents = activeAgents(agents)
	if p.Time, err = s.time.TicketTotals(ctx, id); err != nil {
		return err
	}
	if ct, err := s.contacts.Get(ctx, t.ContactID); err == nil {
		p.Companies = ct.Companies
	}
	if edit != nil {
		edit(p)
	}
	return render(c, status, "tickets/show", "", p)
}
