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
	flash(c, s.autoActivate(c, id, "Contact created."))
	return redirect(c, fmt.Sprintf("/contacts/%d", id))
}

// autoActivate sends a new contact the activation email when Admin >
// Email notifications says so, and returns msg with what happened. The
// contact exists by now, so a failure to queue the email is reported,
// not turned into a failed create.
func (s *Server) autoActivate(c *fiber.Ctx, id int64, msg string) string {
	sent, err := s.activation.SendAuto(c.UserContext(), actor(c), id)
	switch {
	case err != nil:
		s.log.Error("automatic activation email", "id", requestID(c), "contact", id, "err", err)
		return msg + " The activation email could not be sent; send it from the contact's page."
	case sent:
		return msg + " The activation email was sent."
	}
	return msg
}
