package web

import "github.com/gofiber/fiber/v2"

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
	return s.afterContactChange(c, id, err, "contacts/_emails", "Email added.")
}

// emailPromote makes a secondary address the primary one, in place.
func (s *Server) emailPromote(c *fiber.Ctx) error {
	return s.contactItemAction(c, "email", "contacts/_emails", "Primary email changed.", s.contacts.PromoteEmail)
}

// emailRemove removes a secondary address.
func (s *Server) emailRemove(c *fiber.Ctx) error {
	return s.contactItemAction(c, "email", "contacts/_emails", "Email removed.", s.contacts.RemoveEmail)
}
