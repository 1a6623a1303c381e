package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
)

// importActivationCancel cancels the send of an import's activation
// emails, as a bulk send is cancelled, once confirmed: by hx-confirm with
// JavaScript, by a page saying what it does without. The importer and
// admins may, as they are the ones who see the import.
func (s *Server) importActivationCancel(c *fiber.Ctx) error {
	r, err := s.loadImport(c)
	if err != nil {
		return err
	}
	p, err := s.importPageOf(c, "Cancel the activation emails?", r)
	if err != nil {
		return err
	}
	back := fmt.Sprintf("%s/imports/%d", kindOf(c).Path(), r.ID)
	if !p.Activations.Sending() || p.Activations.Job.Cancel {
		return redirect(c, back)
	}
	if c.FormValue("confirmed") != "1" {
		return render(c, fiber.StatusOK, "imports/activation_cancel", "", p)
	}
	if err := imports.CancelSend(c.UserContext(), s.imports, currentAgent(c), r.ID); err != nil {
		return err
	}
	flash(c, "Cancelled. The emails queued before it stops stay queued.")
	return redirect(c, back)
}
