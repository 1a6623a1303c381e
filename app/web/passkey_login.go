package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// passkeyLoginBegin hands the browser the options for a discoverable
// sign-in, for the "Sign in with a passkey" button or the email field's
// autofill, and keeps the ceremony id in a cookie.
func (s *Server) passkeyLoginBegin(c *fiber.Ctx) error {
	if s.passkeys == nil {
		return s.passkeyFail(c, errPasskeysOff)
	}
	begun, err := s.passkeys.BeginLogin(c.UserContext())
	if err != nil {
		return s.passkeyFail(c, err)
	}
	s.setCeremony(c, loginCeremonyCookie, begun.CeremonyID)
	return c.JSON(passkeyAnswer{Options: begun.Options})
}

// passkeyLoginFinish verifies the browser's assertion, then lets the
// portal sign the contact in, and tells the browser where to go next.
func (s *Server) passkeyLoginFinish(c *fiber.Ctx) error {
	if s.passkeys == nil {
		return s.passkeyFail(c, errPasskeysOff)
	}
	id := s.takeCeremony(c, loginCeremonyCookie)
	contactID, err := s.passkeys.FinishLogin(c.UserContext(), id, c.Body())
	if err != nil {
		return s.passkeyFail(c, err)
	}
	if err := s.passkeySignIn(c, contactID); err != nil {
		return s.passkeyFail(c, err)
	}
	return c.JSON(passkeyAnswer{Redirect: portalNext(c.Query("next"), "/portal")})
}

// passkeyLimiters cap, per client IP, how many sign-in ceremonies may
// begin (each writes a row) and how many may fail, in a minute.
func (s *Server) passkeyLimiters() (begin, finish fiber.Handler) {
	limited := func(c *fiber.Ctx) error {
		return c.Status(fiber.StatusTooManyRequests).JSON(passkeyAnswer{Error: "Too many attempts. Wait a minute and try again."})
	}
	begin = limiter.New(limiter.Config{Max: 6 * s.cfg.LoginPerMin, Expiration: time.Minute, LimitReached: limited, KeyGenerator: clientIP})
	finish = limiter.New(limiter.Config{Max: s.cfg.LoginPerMin, Expiration: time.Minute,
		SkipSuccessfulRequests: true, LimitReached: limited, KeyGenerator: clientIP})
	return begin, finish
}
