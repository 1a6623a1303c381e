package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/model"
)

// authPage is the data of the setup, sign-in and invitation forms.
type authPage struct {
	Base
	Name, Email, Next string
	Invitee           *model.Agent
}

func (authPage) layout() string { return "layouts/bare" }

// setupShow shows the one-time form that creates the first admin. Once
// any agent exists it is gone for good.
func (s *Server) setupShow(c *fiber.Ctx) error {
	n, err := s.agents.Count(c.UserContext())
	if err != nil {
		return err
	}
	if n > 0 {
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return render(c, fiber.StatusOK, "auth/setup", "", authPage{Base: base(c, "Set up Portico", "")})
}

// setupCreate creates the first admin and signs them in.
func (s *Server) setupCreate(c *fiber.Ctx) error {
	in := agent.Input{Name: c.FormValue("name"), Email: c.FormValue("email"), Password: c.FormValue("password")}
	a, err := s.agents.CreateFirstAdmin(c.UserContext(), in)
	if errors.Is(err, model.ErrConflict) {
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	if fields, ok := fieldErrors(err); ok {
		p := authPage{Base: base(c, "Set up Portico", ""), Name: in.Name, Email: in.Email}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "auth/setup", "", p)
	}
	if err != nil {
		return err
	}
	return s.signIn(c, a, "/contacts")
}

// signIn starts a new session with a fresh id and drops any other
// session cookie, then redirects.
func (s *Server) signIn(c *fiber.Ctx, a *model.Agent, next string) error {
	if old := c.Cookies(sessionCookie); old != "" {
		if err := s.agents.EndSession(c.UserContext(), old); err != nil {
			return err
		}
	}
	token, err := s.agents.StartSession(c.UserContext(), a, clientIP(c), c.Get(fiber.HeaderUserAgent))
	if err != nil {
		return err
	}
	s.setSessionCookie(c, token)
	return redirect(c, next)
}
