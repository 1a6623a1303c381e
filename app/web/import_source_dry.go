package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// sourceDryPage is a dry run of an import from an installed source:
// what the import would do, counted without changing anything.
type sourceDryPage struct {
	importBase
	Run *importRun
}

// importSourceDry shows a dry run's counts; HTMX polls it until it ends.
func (s *Server) importSourceDry(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.importRun(c.UserContext(), id)
	if err != nil {
		return err
	}
	if !r.DryRun || r.PluginInstanceID == 0 || !imports.MaySee(currentAgent(c), r.Import) {
		return fmt.Errorf("web: dry run %d is not the agent's: %w", id, model.ErrNotFound)
	}
	p := sourceDryPage{importBase: s.importBase(c, "Dry run · "+r.Filename), Run: r}
	return render(c, fiber.StatusOK, "imports/source_dry", "imports/_source_dry", p)
}
