package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
)

// crmRetry applies a failed record again.
func (s *Server) crmRetry(c *fiber.Ctx) error {
	in, err := s.crmParam(c)
	if err != nil {
		return err
	}
	id, err := paramID(c, "failure")
	if err != nil {
		return err
	}
	switch err := s.crm.Retry(c.UserContext(), in.ID, id); {
	case errors.Is(err, crmsync.ErrNoSuchFailure):
		return err
	case errors.Is(err, crmsync.ErrAmbiguous):
		flash(c, "This record matches several on the other side: merge or remove the duplicates, then review the first sync again.")
	case errors.Is(err, crmsync.ErrUnreadable):
		flash(c, "The connector cannot read this record: fix it in the other system, and the next sync brings it.")
	case err != nil:
		flash(c, "It failed again; the list says why.")
	default:
		flash(c, "Retried.")
	}
	return redirect(c, crmURL(in))
}
