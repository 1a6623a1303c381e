package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalSettingsSave stores the portal settings.
func (s *Server) portalSettingsSave(c *fiber.Ctx) error {
	ps := model.PortalSettings{Name: c.FormValue("name"), Submitters: model.TicketSubmitters(c.FormValue("submitters")),
		SignUp: c.FormValue("signup") == "on", EditPhone: c.FormValue("edit_phone") == "on", EditMobile: c.FormValue("edit_mobile") == "on"}
	err := s.portal.SaveSettings(c.UserContext(), actor(c), &ps)
	if fields, ok := fieldErrors(err); ok {
		return s.renderPortalSettings(c, fiber.StatusUnprocessableEntity, ps, fields)
	}
	if err != nil {
		return err
	}
	flash(c, "Portal settings saved.")
	return redirect(c, "/admin/portal")
}
