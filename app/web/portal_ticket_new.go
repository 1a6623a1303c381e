package web

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/ticket"
)

// ticketForm is the new-ticket form as typed. Name and Email are asked
// only of visitors who are not signed in.
type ticketForm struct {
	Name, Email, Subject, Description string
}

func ticketFormOf(c *fiber.Ctx) ticketForm {
	return ticketForm{Name: c.FormValue("name"), Email: c.FormValue("email"),
		Subject: c.FormValue("subject"), Description: c.FormValue("description")}
}

func (f ticketForm) input() ticket.Input {
	return ticket.Input{Subject: f.Subject, Description: f.Description}
}

// portalTicketFormPage is the new-ticket page.
type portalTicketFormPage struct {
	portalBase
	Form ticketForm
}

// portalTicketNew shows the new-ticket form. Visitors who are not signed
// in get it, with their name and address, only when everyone may submit;
// otherwise they sign in first.
func (s *Server) portalTicketNew(c *fiber.Ctx) error {
	return s.renderTicketForm(c, fiber.StatusOK, ticketForm{}, nil)
}

func (s *Server) renderTicketForm(c *fiber.Ctx, status int, f ticketForm, errs map[string]string) error {
	b, err := s.portalBaseOf(c, "New ticket")
	if err != nil {
		return err
	}
	if b.Customer == nil && !b.AnyoneSubmits {
		return redirect(c, "/portal/login?next="+urlEscape("/portal/tickets/new"))
	}
	b.Errors = errs
	return render(c, status, "portal/ticket_new", "", portalTicketFormPage{portalBase: b, Form: f})
}

// portalTicketCreate raises a signed-in customer's ticket and opens it.
func (s *Server) portalTicketCreate(c *fiber.Ctx) error {
	f := ticketFormOf(c)
	cu := currentCustomer(c)
	if cu == nil {
		return s.portalTicketRequest(c, f)
	}
	id, err := s.tickets.Submit(c.UserContext(), cu, f.input())
	if fields, ok := fieldErrors(err); ok {
		return s.renderTicketForm(c, fiber.StatusUnprocessableEntity, f, fields)
	}
	if err != nil {
		return err
	}
	flash(c, "Your ticket was submitted. We will get back to you.")
	return redirect(c, fmt.Sprintf("/portal/tickets/%d", id))
}

// portalTicketRequest takes a ticket from a visitor who is not signed
// in. The answer is the same whether or not the address was known.
func (s *Server) portalTicketRequest(c *fiber.Ctx, f ticketForm) error {
	err := s.tickets.Request(c.UserContext(), f.Name, f.Email, f.input())
	if fields, ok := fieldErrors(err); ok {
		return s.renderTicketForm(c, fiber.StatusUnprocessableEntity, f, fields)
	}
	switch {
	case errors.Is(err, model.ErrForbidden):
		return redirect(c, "/portal/login?next="+urlEscape("/portal/tickets/new"))
	case err != nil:
		return err
	}
	return s.renderPortal(c, fiber.StatusOK, "portal/ticket_received", "Request received",
		func(p *portalPage) { p.Email = f.Email }, nil)
}

// ticketLimited answers a visitor over the limit with the form as typed.
func (s *Server) ticketLimited(c *fiber.Ctx) error {
	return s.renderTicketForm(c, fiber.StatusTooManyRequests, ticketFormOf(c), map[string]string{"form": tooMany})
}
