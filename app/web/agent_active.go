package web

import "github.com/gofiber/fiber/v2"

// agentActive deactivates or reactivates an agent; deactivation signs them
// out everywhere at once.
func (s *Server) agentActive(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "true"
	if err := s.agents.SetActive(c.UserContext(), actor(c), id, active); err != nil {
		return err
	}
	flash(c, map[bool]string{true: "Agent reactivated.", false: "Agent deactivated and signed out."}[active])
	return redirect(c, "/agents")
}
