package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"github.com/portico-hub/portico/app/model"
)

const loginFailed = "That email and password do not match an active account."

// loginShow shows the sign-in form, or the setup page on first run.
func (s *Server) loginShow(c *fiber.Ctx) error {
	if currentAgent(c) != nil {
		return c.Redirect("/contacts", fiber.StatusSeeOther)
	}
	n, err := s.store.CountAgents(c.UserContext())
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

// loginLimiters cap failed sign-ins per client IP and per account; both
// answer the same way whether or not the account exists.
func (s *Server) loginLimiters() []fiber.Handler {
	return s.signInLimiters(func(c *fiber.Ctx) error {
		return s.loginAgain(c, fiber.StatusTooManyRequests, c.FormValue("email"),
			"Too many sign-in attempts. Wait a minute and try again.")
	})
}

// signInLimiters cap failed sign-ins, agents' or customers', per client
// IP and per address typed; limited answers the request over the cap.
// Each call makes limiters of its own, so the two sign-ins never share
// a count.
func (s *Server) signInLimiters(limited fiber.Handler) []fiber.Handler {
	byIP := limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute,
		SkipSuccessfulRequests: true, LimitReached: limited})
	byAccount := limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute,
		SkipSuccessfulRequests: true, LimitReached: limited, KeyGenerator: addressKey})
	return []fiber.Handler{byIP, byAccount}
}

// logout ends the session.
func (s *Server) logout(c *fiber.Ctx) error {
	if err := s.agents.EndSession(c.UserContext(), c.Cookies(sessionCookie)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return redirect(c, "/login")
}

// safeNext keeps a post-sign-in redirect on this site: a local path, not
// "//evil.example" or "/\evil.example".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/contacts"
	}
	return next
}
