package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/portal"
)

// passwordPage is an admin's form to set a contact's portal password.
type passwordPage struct {
	Base
	Contact *model.Contact
	Notify  bool
	Verify  bool
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
	in := portal.AdminPassword{Password: c.FormValue("password"), Notify: c.FormValue("notify") == "on",
		Verify: c.FormValue("verify") == "on"}
	err = s.portal.ChangePassword(c.UserContext(), actor(c), ct.ID, in)
	if fields, ok := fieldErrors(err); ok {
		p := passwordPage{Base: base(c, "Change password", "contacts"), Contact: ct, Notify: in.Notify, Verify: in.Verify}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "contacts/password", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, passwordChanged(ct, in))
	return redirect(c, fmt.Sprintf("/contacts/%d", ct.ID))
}

// passwordChanged says what changing the password did, and whether an
// unverified contact can now sign in.
func passwordChanged(ct *model.Contact, in portal.AdminPassword) string {
	msg := "Password changed."
	switch {
	case ct.State == model.StateUnverified && in.Verify:
		msg += " The account is now verified."
	case ct.State == model.StateUnverified:
		msg += " The account is still not activated: the contact cannot sign in until it is."
	}
	if in.Notify {
		return msg + " The contact was emailed."
	}
	return msg + " The contact was not told."
}
