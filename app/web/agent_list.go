package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// agentsPage lists the team; InviteURL is shown once after an invitation.
type agentsPage struct {
	Base
	Agents    []model.Agent
	InviteURL string
	Name      string
	Email     string
	Role      model.Role
}

// agentList shows every agent with their role and status.
func (s *Server) agentList(c *fiber.Ctx) error {
	return s.renderAgents(c, fiber.StatusOK, agentsPage{Base: base(c, "Agents", "agents")})
}

func (s *Server) renderAgents(c *fiber.Ctx, status int, p agentsPage) error {
	agents, err := s.agents.Team(c.UserContext())
	if err != nil {
		return err
	}
	p.Agents = agents
	return render(c, status, "agents/list", "", p)
}
