package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/throttle"
)

// signInGuard guards a sign-in form, agents' or customers', with a
// throttle.Guard of its own, so the two never share a count. An attempt
// the guard holds back is answered by limited with a message saying how
// long to wait, before the password is checked. The answer tells how it
// went: 401 is a wrong password (or an unknown address, counted alike),
// any other answer below 400 a success.
func (s *Server) signInGuard(limited func(c *fiber.Ctx, msg string) error) fiber.Handler {
	g := throttle.New(s.cfg.LoginPerMin, func() time.Time { return s.store.Now() })
	return func(c *fiber.Ctx) error {
		// Fiber's strings point into request memory that the next
		// request reuses; the guard keeps them as map keys, so it keeps
		// copies.
		ip, addr := strings.Clone(clientIP(c)), strings.Clone(addressOf(c))
		if wait := g.Wait(ip, addr); wait > 0 {
			secs := int(math.Ceil(wait.Seconds()))
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
			return limited(c, "Too many sign-in attempts. Try again in "+waitText(secs)+".")
		}
		err := c.Next()
		switch status := c.Response().StatusCode(); {
		case err != nil:
		case status == fiber.StatusUnauthorized:
			g.Failed(ip, addr)
		case status < fiber.StatusBadRequest:
			g.Succeeded(ip, addr)
		}
		return err
	}
}

// waitText says a wait in whole seconds as a person reads it.
func waitText(secs int) string {
	switch {
	case secs == 1:
		return "a second"
	case secs < 60:
		return fmt.Sprintf("%d seconds", secs)
	case secs <= 60:
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", (secs+59)/60)
}

// addressOf is the email address a form names, as the limits count it.
func addressOf(c *fiber.Ctx) string {
	return strings.ToLower(strings.TrimSpace(c.FormValue("email")))
}
