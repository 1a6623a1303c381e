package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// maySee reports whether an agent may see an import: admins see every
// import, agents their own. The file and its failed rows hold customer
// data that its importer chose to bring in, so they go no further.
func maySee(a *model.Agent, im *model.Import) bool {
	return a.IsAdmin() || im.CreatedBy == a.ID
}

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
	if r.DryRun || r.Kind != string(kindOf(c).Kind) || !maySee(currentAgent(c), r.Import) {
		return nil, fmt.Errorf("web: import %d is not the agent's: %w", id, model.ErrNotFound)
	}
	return r, nil
}
