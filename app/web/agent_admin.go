package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/agent"
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
	agents, err := s.store.ListAgents(c.UserContext())
	if err != nil {
		return err
	}
	p.Agents = agents
	return render(c, status, "agents/list", "", p)
}

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

// agentRole changes an agent's role.
func (s *Server) agentRole(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	role := model.Role(c.FormValue("role"))
	if !role.Valid() {
		return model.Invalid("role", "Choose admin or agent.")
	}
	if err := s.store.SetAgentRole(c.UserContext(), id, role); err != nil {
		return err
	}
	flash(c, "Role changed.")
	return redirect(c, "/agents")
}

// agentActive deactivates or reactivates an agent; deactivation signs them
// out everywhere at once.
func (s *Server) agentActive(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	active := c.FormValue("active") == "true"
	if !active && id == currentAgent(c).ID {
		return model.Invalid("active", "You cannot deactivate yourself. Ask another admin.")
	}
	if err := s.store.SetAgentActive(c.UserContext(), id, active); err != nil {
		return err
	}
	flash(c, map[bool]string{true: "Agent reactivated.", false: "Agent deactivated and signed out."}[active])
	return redirect(c, "/agents")
}

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
