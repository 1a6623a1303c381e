package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
)

// agentInvite creates an invited agent and shows the link to send them.
func (s *Server) agentInvite(c *fiber.Ctx) error {
	in := agent.Input{Name: c.FormValue("name"), Email: c.FormValue("email"), Role: model.Role(c.FormValue("role"))}
	a, token, err := s.agents.Invite(c.UserContext(), in)
	p := agentsPage{Base: base(c, "Agents", "agents"), Name: in.Name, Email: in.Email, Role: in.Role}
	if fields, ok := fieldErrors(err); ok {
		p.Errors = fields
		return s.renderAgents(c, fiber.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	p.Name, p.Email, p.Role = "", "", ""
	p.InviteURL = s.cfg.BaseURL + "/invite/" + token
	p.Flash = "Invited " + a.Name + ". Send them the link below; it works once, for 7 days."
	return s.renderAgents(c, fiber.StatusCreated, p)
}
