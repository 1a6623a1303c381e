package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// passwordPage is an admin's form to set a contact's portal password.
type passwordPage struct {
	Base
	Contact *model.Contact
	Notify  bool
}

// contactPasswordShow shows the form, or says why a contact without an
// address cannot be given a password.
func (s *Server) contactPasswordShow(c *fiber.Ctx) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "contacts/password", "", passwordPage{Base: base(c, "Change password", "contacts"), Contact: ct})
}

// contactPassword sets a contact's portal password. The contact is told
// only when the admin ticks "email the contact".
func (s *Server) contactPassword(c *fiber.Ctx) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	notify := c.FormValue("notify") == "on"
	err = s.portal.ChangePassword(c.UserContext(), actor(c), ct.ID, c.FormValue("password"), notify)
	if fields, ok := fieldErrors(err); ok {
		p := passwordPage{Base: base(c, "Change password", "contacts"), Contact: ct, Notify: notify}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "contacts/password", "", p)
	}
	if err != nil {
		return err
	}
	msg := "Password changed. The contact was not told."
	if notify {
		msg = "Password changed. The contact was emailed."
	}
	flash(c, msg)
	return redirect(c, fmt.Sprintf("/contacts/%d", ct.ID))
}
