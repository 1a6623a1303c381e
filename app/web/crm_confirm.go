package web

import (
	"github.com/gofiber/fiber/v2"
)

// crmConfirm runs the first sync the admin reviewed; the connector then
// runs by itself.
func (s *Server) crmConfirm(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	if _, err := s.crm.Confirm(c.UserContext(), in.ID); err != nil {
		flash(c, "The first sync stopped; the page shows why. Confirming again goes on from where it stopped.")
		return redirect(c, crmURL(in))
	}
	flash(c, "First sync done. The connector now syncs by itself.")
	return redirect(c, crmURL(in))
}
