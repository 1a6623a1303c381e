package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

const sessionCookie = "portico_session"

// Locals keys.
const (
	localAgent   = "agent"
	localSession = "session_token"
)

// logRequests writes one structured line per request, with its id.
func (s *Server) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := c.App().ErrorHandler(c, err); herr != nil {
			c.Status(fiber.StatusInternalServerError)
		}
	}
	s.log.Info("request", "id", requestID(c), "method", c.Method(), "path", c.Path(),
		"status", c.Response().StatusCode(), "ms", time.Since(start).Milliseconds())
	return nil
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals("requestid").(string)
	return id
}

// loadSession attaches the signed-in agent, if any, to the request.
func (s *Server) loadSession(c *fiber.Ctx) error {
	token := c.Cookies(sessionCookie)
	if token == "" {
		return c.Next()
	}
	_, a, err := s.agents.Resume(c.UserContext(), token)
	switch {
	case errors.Is(err, model.ErrNotFound):
		s.clearSessionCookie(c)
	case err != nil:
		return err
	default:
		c.Locals(localAgent, a)
		c.Locals(localSession, token)
	}
	return c.Next()
}

// currentAgent returns the signed-in agent, or nil.
func currentAgent(c *fiber.Ctx) *model.Agent {
	a, _ := c.Locals(localAgent).(*model.Agent)
	return a
}

// actor is the signed-in agent as recorded on audit entries.
func actor(c *fiber.Ctx) model.Actor {
	a := currentAgent(c)
	return model.Actor{ID: a.ID, Name: a.Name}
}

// requireAgent sends anonymous visitors to sign in, or to the one-time
// setup when no agent exists yet.
func (s *Server) requireAgent(c *fiber.Ctx) error {
	if currentAgent(c) != nil {
		return c.Next()
	}
	n, err := s.agents.Count(c.UserContext())
	if err != nil {
		return err
	}
	to := "/login"
	if n == 0 {
		to = "/setup"
	} else if c.Method() == fiber.MethodGet && c.OriginalURL() != "/" {
		to += "?next=" + urlEscape(c.OriginalURL())
	}
	return redirect(c, to)
}

// requireAdmin refuses agents who are not admins.
func (s *Server) requireAdmin(c *fiber.Ctx) error {
	if !currentAgent(c).IsAdmin() {
		return model.ErrForbidden
	}
	return c.Next()
}

func (s *Server) setSessionCookie(c *fiber.Ctx, token string) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.cfg.SecureCookie, Expires: time.Now().Add(s.cfg.SessionTTL),
	})
}

func (s *Server) clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.cfg.SecureCookie, Expires: time.Unix(1, 0), MaxAge: -1})
}

// redirect answers a form post: 303 for a plain or boosted request,
// HX-Redirect for a fragment request, which would otherwise swap the next
// page into the fragment's target.
func redirect(c *fiber.Ctx, to string) error {
	if isPartial(c) {
		c.Set(hxRedirect, to)
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}
