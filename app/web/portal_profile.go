package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/portal"
)

// profilePage is the customer's profile: their details, addresses,
// passkeys, password and sessions.
type profilePage struct {
	portalBase
	Contact *model.Contact
	// Form holds the form's values: the stored ones, or what was typed
	// when it needs fixing.
	Form portal.Profile
	// Settings say which numbers the customer may change.
	Settings    model.PortalSettings
	Passkeys    passkeysSection
	HasPassword bool
}

// profileShow shows the signed-in customer's profile.
func (s *Server) profileShow(c *fiber.Ctx) error {
	return s.renderProfile(c, fiber.StatusOK, nil, nil)
}

// profileSave saves the name and numbers of the profile's details form.
func (s *Server) profileSave(c *fiber.Ctx) error {
	cu := currentCustomer(c)
	in := portal.Profile{Name: c.FormValue("name"), Phone: c.FormValue("phone"), Mobile: c.FormValue("mobile")}
	err := s.portal.UpdateProfile(c.UserContext(), cu.ID, in)
	if fields, ok := fieldErrors(err); ok {
		return s.renderProfile(c, fiber.StatusUnprocessableEntity, fields, func(p *profilePage) { p.Form = in })
	}
	if err != nil {
		return err
	}
	flash(c, "Your details are saved.")
	return redirect(c, "/portal/profile")
}

// renderProfile renders the profile with messages beside the fields of
// errs; fill replaces what the forms show.
func (s *Server) renderProfile(c *fiber.Ctx, status int, errs map[string]string, fill func(*profilePage)) error {
	cu := currentCustomer(c)
	b, err := s.portalBaseOf(c, "Your profile")
	if err != nil {
		return err
	}
	b.Errors, b.Wide = errs, true
	p := &profilePage{portalBase: b}
	ctx := c.UserContext()
	if p.Contact, err = s.contacts.Get(ctx, cu.ID); err != nil {
		return err
	}
	if p.Passkeys, err = s.passkeysSectionFor(c, cu.ID); err != nil {
		return err
	}
	if p.HasPassword, err = s.portal.HasPassword(ctx, cu.ID); err != nil {
		return err
	}
	if p.Settings, err = s.portal.Settings(ctx); err != nil {
		return err
	}
	p.Form = portal.Profile{Name: p.Contact.Name, Phone: p.Contact.Phone, Mobile: p.Contact.Mobile}
	if fill != nil {
		fill(p)
	}
	return render(c, status, "portal/profile", "", p)
}
