package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

const loginFailed = "That email and password do not match an active account."

// loginShow shows the sign-in form, or the setup page on first run.
func (s *Server) loginShow(c *fiber.Ctx) error {
	if currentAgent(c) != nil {
		return c.Redirect("/contacts", fiber.StatusSeeOther)
	}
	n, err := s.agents.Count(c.UserContext())
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Redirect("/setup", fiber.StatusSeeOther)
	}
	p := authPage{Base: base(c, "Sign in", ""), Next: safeNext(c.Query("next"))}
	return render(c, fiber.StatusOK, "auth/login", "", p)
}

// loginCreate checks the credentials and starts a session.
func (s *Server) loginCreate(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	a, err := s.agents.Authenticate(c.UserContext(), email, c.FormValue("password"))
	if errors.Is(err, model.ErrUnauthorized) {
		return s.loginAgain(c, fiber.StatusUnauthorized, email, loginFailed)
	}
	if err != nil {
		return err
	}
	return s.signIn(c, a, safeNext(c.FormValue("next")))
}

func (s *Server) loginAgain(c *fiber.Ctx, status int, email, msg string) error {
	p := authPage{Base: base(c, "Sign in", ""), Email: email, Next: safeNext(c.FormValue("next"))}
	p.Errors = map[string]string{"form": msg}
	return render(c, status, "auth/login", "", p)
}

// loginGuard holds back repeated failed sign-ins of agents (see
// signInGuard).
func (s *Server) loginGuard() fiber.Handler {
	return s.signInGuard(func(c *fiber.Ctx, msg string) error {
		return s.loginAgain(c, fiber.StatusTooManyRequests, c.FormValue("email"), msg)
	})
}

// logout ends the session.
func (s *Server) logout(c *fiber.Ctx) error {
	if err := s.agents.EndSession(c.UserContext(), c.Cookies(sessionCookie)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return redirect(c, "/login")
}
