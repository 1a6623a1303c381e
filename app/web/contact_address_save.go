package web

import (
	"github.com/gofiber/fiber/v2"
)

// contactAddressSave sets, or when blank clears, a contact's address of
// the kind the URL names, after its channel has checked it; a refusal
// shows the channel's reason in place, with what was typed.
func (s *Server) contactAddressSave(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	kind, address := c.Params("kind"), c.FormValue("address")
	err = s.contacts.SetChannelAddress(c.UserContext(), actor(c), id, kind, address)
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, "contacts/_channels", func(p *contactPage) {
			p.NewAddress, p.Errors = map[string]string{kind: address}, fields
		})
	}
	msg := kindLabel(kind) + " address saved."
	if address == "" {
		msg = kindLabel(kind) + " address removed."
	}
	return s.afterContactChange(c, id, err, "contacts/_channels", msg)
}
