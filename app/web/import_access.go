package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// loadImport resolves the :id parameter to an import of the request's
// kind that the agent may see, with its pace; any other id is not found,
// so ids tell nothing.
func (s *Server) loadImport(c *fiber.Ctx) (*importRun, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	r, err := s.importRun(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	if r.DryRun || r.Kind != string(kindOf(c).Kind) || !imports.MaySee(currentAgent(c), r.Import) {
		return nil, fmt.Errorf("web: import %d is not the agent's: %w", id, model.ErrNotFound)
	}
	return r, nil
}
