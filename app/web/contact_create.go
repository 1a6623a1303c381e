package web

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// contactNew shows the new-contact form.
func (s *Server) contactNew(c *fiber.Ctx) error {
	return render(c, fiber.StatusOK, "contacts/new", "", contactPage{Base: base(c, "New contact", "contacts")})
}

// contactCreate creates a contact and opens it.
func (s *Server) contactCreate(c *fiber.Ctx) error {
	in := contactForm(c)
	in.Emails = append([]string{c.FormValue("email")}, strings.FieldsFunc(c.FormValue("other_emails"), func(r rune) bool {
		return r == '\n' || r == ',' || r == ';' || r == ' ' || r == '\r'
	})...)
	id, err := s.contacts.Create(c.UserContext(), actor(c), in)
	if fields, ok := fieldErrors(err); ok {
		p := contactPage{Base: base(c, "New contact", "contacts"), Form: in}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "contacts/new", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Contact created.")
	return redirect(c, fmt.Sprintf("/contacts/%d", id))
}
