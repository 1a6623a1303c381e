package web

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/model"
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
	f, err := s.store.CRMFailure(c.UserContext(), id)
	if err != nil || f.InstanceID != in.ID {
		return fmt.Errorf("failure %d of connector %d: %w", id, in.ID, model.ErrNotFound)
	}
	switch err := s.crm.Retry(c.UserContext(), id); {
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
