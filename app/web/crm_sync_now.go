package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
)

// crmSyncNow runs a connector at once, even one backing off after an
// outage.
func (s *Server) crmSyncNow(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	if err := s.crm.Resume(c.UserContext(), in.ID); err != nil {
		return err
	}
	switch err := s.crm.SyncNow(c.UserContext(), in.ID); {
	case errors.Is(err, crmsync.ErrNotRunning):
		flash(c, "Review and confirm the first sync first.")
	case err != nil:
		flash(c, "The sync stopped; the page shows why. It is tried again by itself.")
	default:
		flash(c, "Synced.")
	}
	return redirect(c, crmURL(in))
}
