package web

import "github.com/gofiber/fiber/v2"

// agentReset makes a one-time link for an agent to choose a new password.
func (s *Server) agentReset(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	token, err := s.agents.ResetLink(c.UserContext(), id)
	if err != nil {
		return err
	}
	p := agentsPage{Base: base(c, "Agents", "agents"), InviteURL: s.cfg.BaseURL + "/invite/" + token}
	p.Flash = "Send this link to the agent. It works once, for 7 days, to choose a new password."
	return s.renderAgents(c, fiber.StatusOK, p)
}
