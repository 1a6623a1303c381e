package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
)

// crmSettings saves what a connector syncs and its delete policies, with
// the connector's default field mapping.
func (s *Server) crmSettings(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	set := crmsync.Settings{Objects: c.FormValue("objects"), RemoteDelete: c.FormValue("remote_delete"),
		PorticoDelete: c.FormValue("portico_delete")}
	if err := s.crm.Configure(c.UserContext(), in.ID, set); err != nil {
		return err
	}
	flash(c, "Settings saved. Review the first sync before it starts.")
	return redirect(c, crmURL(in))
}
