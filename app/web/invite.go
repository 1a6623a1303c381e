package web

import (
	"github.com/gofiber/fiber/v2"
)

var errInviteGone = fiber.NewError(fiber.StatusNotFound, "This link is invalid, was already used, or has expired. Ask an admin for a new one.")

// inviteShow shows an invited agent the form to choose a password.
func (s *Server) inviteShow(c *fiber.Ctx) error {
	a, err := s.agents.Invitee(c.UserContext(), c.Params("token"))
	if err != nil {
		return errInviteGone
	}
	return render(c, fiber.StatusOK, "auth/invite", "", authPage{Base: base(c, "Join Portico", ""), Invitee: a})
}

// inviteAccept sets the password and signs the new agent in.
func (s *Server) inviteAccept(c *fiber.Ctx) error {
	invitee, err := s.agents.Invitee(c.UserContext(), c.Params("token"))
	if err != nil {
		return errInviteGone
	}
	a, err := s.agents.AcceptInvite(c.UserContext(), c.Params("token"), c.FormValue("password"))
	if fields, ok := fieldErrors(err); ok {
		p := authPage{Base: base(c, "Join Portico", ""), Invitee: invitee}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "auth/invite", "", p)
	}
	if err != nil {
		return errInviteGone
	}
	return s.signIn(c, a, "/contacts")
}
