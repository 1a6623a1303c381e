package web

import (
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
	ps, err := s.portal.Settings(c.UserContext())
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
