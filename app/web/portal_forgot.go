package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/address"
)

// portalForgotShow asks for the address to send a password reset link to.
func (s *Server) portalForgotShow(c *fiber.Ctx) error {
	email := c.Query("email")
	return s.renderPortal(c, fiber.StatusOK, "portal/forgot", "Reset your password", func(p *portalPage) { p.Email = email }, nil)
}

// portalForgot queues the job that sends a verified contact a password
// reset link and an unverified one the activation email, for "forgot
// password" and "send me a new link" alike. The answer is the same page,
// after the same work, whether or not the address belongs to anyone.
func (s *Server) portalForgot(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	if msg := address.Problem(email); msg != "" {
		return s.renderPortal(c, fiber.StatusUnprocessableEntity, "portal/forgot", "Reset your password",
			func(p *portalPage) { p.Email = email }, map[string]string{"email": msg})
	}
	if _, err := s.jobs.Enqueue(c.UserContext(), activation.ForgotJob(email)); err != nil {
		return err
	}
	return s.renderPortal(c, fiber.StatusOK, "portal/link_sent", "Check your email", nil, nil)
}

// linkLimiters cap the links a client IP and an address may ask for, so
// nobody floods a mailbox; the limit is the same whether or not the
// address is known.
func (s *Server) linkLimiters() []fiber.Handler {
	limited := func(c *fiber.Ctx) error {
		email := c.FormValue("email")
		return s.renderPortal(c, fiber.StatusTooManyRequests, "portal/forgot", "Reset your password",
			func(p *portalPage) { p.Email = email },
			map[string]string{"form": "Too many links were asked for. Wait a few minutes, then try again."})
	}
	byIP := limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute, LimitReached: limited, KeyGenerator: clientIP})
	byAddress := limiter.New(limiter.Config{Max: 3, Expiration: 10 * time.Minute, LimitReached: limited, KeyGenerator: addressKey})
	return []fiber.Handler{byIP, byAddress}
}
