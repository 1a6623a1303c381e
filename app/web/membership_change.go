package web

import (
	"context"
	"fmt"

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
	return s.afterMembershipChange(c, id, err, "Company added.")
}

// membershipDefault makes a membership the contact's default company.
func (s *Server) membershipDefault(c *fiber.Ctx) error {
	return s.membershipAction(c, "Default company changed.", s.companies.MakeDefault)
}

// membershipRemove takes the contact out of a company.
func (s *Server) membershipRemove(c *fiber.Ctx) error {
	return s.membershipAction(c, "Removed from the company.", s.companies.RemoveMember)
}

// membershipTickets sets whether the contact sees all of the company's
// tickets; an unchecked box sends nothing, which means no.
func (s *Server) membershipTickets(c *fiber.Ctx) error {
	on := c.FormValue("view_all") == "on"
	return s.membershipAction(c, "Ticket access saved.", func(ctx context.Context, a model.Actor, contactID, companyID int64) error {
		return s.companies.SetViewAll(ctx, a, contactID, companyID, on)
	})
}

type membershipFunc func(ctx context.Context, a model.Actor, contactID, companyID int64) error

func (s *Server) membershipAction(c *fiber.Ctx, msg string, fn membershipFunc) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	companyID, err := paramID(c, "company")
	if err != nil {
		return err
	}
	return s.afterMembershipChange(c, id, fn(c.UserContext(), actor(c), id, companyID), msg)
}

func (s *Server) afterMembershipChange(c *fiber.Ctx, id int64, err error, msg string) error {
	if err != nil {
		return err
	}
	flash(c, msg)
	if !isPartial(c) {
		return redirect(c, fmt.Sprintf("/contacts/%d", id))
	}
	return s.renderContact(c, fiber.StatusOK, "contacts/_companies", nil)
}
