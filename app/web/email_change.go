package web

import (
	"context"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// emailAdd adds an address to a contact and re-renders the emails section.
func (s *Server) emailAdd(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	email := c.FormValue("email")
	err = s.contacts.AddEmail(c.UserContext(), actor(c), id, email)
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, "contacts/_emails", func(p *contactPage) {
			p.NewEmail, p.Errors = email, fields
		})
	}
	return s.afterEmailChange(c, id, err, "Email added.")
}

// emailPromote makes a secondary address the primary one, in place.
func (s *Server) emailPromote(c *fiber.Ctx) error {
	return s.emailAction(c, "Primary email changed.", s.store.PromoteEmail)
}

// emailRemove removes a secondary address.
func (s *Server) emailRemove(c *fiber.Ctx) error {
	return s.emailAction(c, "Email removed.", s.store.RemoveEmail)
}

type emailFunc func(ctx context.Context, a model.Actor, contactID, emailID int64) error

func (s *Server) emailAction(c *fiber.Ctx, msg string, fn emailFunc) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	emailID, err := paramID(c, "email")
	if err != nil {
		return err
	}
	err = fn(c.UserContext(), actor(c), id, emailID)
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, "contacts/_emails", func(p *contactPage) { p.Errors = fields })
	}
	return s.afterEmailChange(c, id, err, msg)
}

func (s *Server) afterEmailChange(c *fiber.Ctx, id int64, err error, msg string) error {
	if err != nil {
		return err
	}
	flash(c, msg)
	if !isPartial(c) {
		return redirect(c, fmt.Sprintf("/contacts/%d", id))
	}
	return s.renderContact(c, fiber.StatusOK, "contacts/_emails", nil)
}
