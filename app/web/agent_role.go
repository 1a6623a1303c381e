package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// agentRole changes an agent's role.
func (s *Server) agentRole(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.agents.SetRole(c.UserContext(), actor(c), id, model.Role(c.FormValue("role"))); err != nil {
		return err
	}
	flash(c, "Role changed.")
	return redirect(c, "/agents")
}
