package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// profilePassword changes, or sets a first, password from the profile.
// Every other session of the customer ends; this browser stays signed in
// with a new session.
func (s *Server) profilePassword(c *fiber.Ctx) error {
	cu := currentCustomer(c)
	err := s.portal.ChangeOwnPassword(c.UserContext(), cu, c.FormValue("current_password"), c.FormValue("password"))
	if fields, ok := fieldErrors(err); ok {
		return s.renderProfile(c, fiber.StatusUnprocessableEntity, fields, nil)
	}
	if err != nil {
		return err
	}
	if err := s.startPortalSession(c, cu.ID); err != nil {
		return err
	}
	flash(c, "Your password is saved. Your other devices are signed out.")
	return redirect(c, "/portal/profile#password")
}

// profilePasswordLimiter caps, per client IP, the failed password
// changes in a minute, so a browser left signed in cannot be used to
// guess the current password.
func (s *Server) profilePasswordLimiter() fiber.Handler {
	return limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute, SkipSuccessfulRequests: true, KeyGenerator: clientIP,
		LimitReached: func(c *fiber.Ctx) error {
			return s.renderProfile(c, fiber.StatusTooManyRequests,
				map[string]string{"current_password": "Too many attempts. Wait a minute and try again."}, nil)
		}})
}

// signOutEverywhere ends every portal session of the customer, on every
// device, this one included.
func (s *Server) signOutEverywhere(c *fiber.Ctx) error {
	if err := s.portal.SignOutEverywhere(c.UserContext(), currentCustomer(c).ID); err != nil {
		return err
	}
	s.clearPortalCookie(c)
	flash(c, "You are signed out on every device.")
	return redirect(c, "/portal/login")
}
