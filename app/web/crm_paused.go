package web

import (
	"github.com/gofiber/fiber/v2"
)

// crmPaused pauses or resumes a connector; a paused one's changes wait
// and go out when it is resumed.
func (s *Server) crmPaused(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	if c.FormValue("paused") == "true" {
		err = s.crm.Pause(c.UserContext(), in.ID)
		flash(c, "Paused. Changes wait until you resume.")
	} else {
		err = s.crm.Unpause(c.UserContext(), in.ID)
		flash(c, "Resumed. The changes that waited go out with the next sync.")
	}
	if err != nil {
		return err
	}
	return redirect(c, crmURL(in))
}
