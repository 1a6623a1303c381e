package web

import (
	"context"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// itemFunc changes one thing a contact has, an email address or a company
// membership, named by its own id in the URL.
type itemFunc func(ctx context.Context, a model.Actor, contactID, itemID int64) error

// contactItemAction runs fn on the contact and the item that the URL names
// by param. A refusal re-renders the section with its message; anything
// else answers as afterContactChange does.
func (s *Server) contactItemAction(c *fiber.Ctx, param, section, msg string, fn itemFunc) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	itemID, err := paramID(c, param)
	if err != nil {
		return err
	}
	err = fn(c.UserContext(), actor(c), id, itemID)
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, section, func(p *contactPage) { p.Errors = fields })
	}
	return s.afterContactChange(c, id, err, section, msg)
}

// afterContactChange answers a change saved to one section of a contact:
// the section in place with a toast for HTMX, else a redirect to the
// contact's page, where the flash shows.
func (s *Server) afterContactChange(c *fiber.Ctx, id int64, err error, section, msg string) error {
	if err != nil {
		return err
	}
	flash(c, msg)
	if !isPartial(c) {
		return redirect(c, fmt.Sprintf("/contacts/%d", id))
	}
	return s.renderContact(c, fiber.StatusOK, section, nil)
}
