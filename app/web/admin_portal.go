package web

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalSettingsPage is Admin > Portal settings.
type portalSettingsPage struct {
	Base
	Settings model.PortalSettings
}

// portalSettingsShow shows who may submit tickets and sign up, and the
// portal's name.
func (s *Server) portalSettingsShow(c *fiber.Ctx) error {
	ps, err := s.store.PortalSettings(c.UserContext())
	if err != nil {
		return err
	}
	return s.renderPortalSettings(c, fiber.StatusOK, ps, nil)
}

func (s *Server) renderPortalSettings(c *fiber.Ctx, status int, ps model.PortalSettings, errs map[string]string) error {
	p := portalSettingsPage{Base: base(c, "Portal settings", "portal"), Settings: ps}
	p.Errors = errs
	return render(c, status, "admin/portal", "", p)
}

// portalSettingsSave stores the portal settings.
func (s *Server) portalSettingsSave(c *fiber.Ctx) error {
	ps := model.PortalSettings{Name: strings.Join(strings.Fields(c.FormValue("name")), " "),
		Submitters: model.SubmitLoggedIn, SignUp: c.FormValue("signup") == "on",
		EditPhone: c.FormValue("edit_phone") == "on", EditMobile: c.FormValue("edit_mobile") == "on"}
	if c.FormValue("submitters") == string(model.SubmitEveryone) {
		ps.Submitters = model.SubmitEveryone
	}
	if msg := portalNameProblem(ps.Name); msg != "" {
		return s.renderPortalSettings(c, fiber.StatusUnprocessableEntity, ps, map[string]string{"name": msg})
	}
	if err := s.store.SetPortalSettings(c.UserContext(), actor(c), ps); err != nil {
		return err
	}
	flash(c, "Portal settings saved.")
	return redirect(c, "/admin/portal")
}

// portalNameProblem says what is wrong with a portal name, if anything.
func portalNameProblem(name string) string {
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name) || n == 0:
		return "Enter the name your customers know you by, such as “Acme Support”."
	case n > 80:
		return "Use at most 80 characters."
	}
	return ""
}
