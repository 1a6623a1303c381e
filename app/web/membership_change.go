package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// membershipAdd adds the contact to the company named in the form and
// re-renders the companies section.
func (s *Server) membershipAdd(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	name := c.FormValue("name")
	err = s.companies.AddMember(c.UserContext(), actor(c), id, name)
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, "contacts/_companies", func(p *contactPage) {
			p.NewCompany, p.Errors = name, fields
		})
	}
	return s.afterContactChange(c, id, err, "contacts/_companies", "Company added.")
}

// membershipDefault makes a membership the contact's default company.
func (s *Server) membershipDefault(c *fiber.Ctx) error {
	return s.contactItemAction(c, "company", "contacts/_companies", "Default company changed.", s.companies.MakeDefault)
}

// membershipRemove takes the contact out of a company.
func (s *Server) membershipRemove(c *fiber.Ctx) error {
	return s.contactItemAction(c, "company", "contacts/_companies", "Removed from the company.", s.companies.RemoveMember)
}

// membershipTickets sets whether the contact sees all of the company's
// tickets; an unchecked box sends nothing, which means no.
func (s *Server) membershipTickets(c *fiber.Ctx) error {
	on := c.FormValue("view_all") == "on"
	return s.contactItemAction(c, "company", "contacts/_companies", "Ticket access saved.",
		func(ctx context.Context, a model.Actor, contactID, companyID int64) error {
			return s.companies.SetViewAll(ctx, a, contactID, companyID, on)
		})
}
