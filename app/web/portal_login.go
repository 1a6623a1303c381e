package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/portal"
)

const portalLoginFailed = "That email and password do not match. Check them, or reset your password."

// portalLoginShow shows the customers' sign-in form.
func (s *Server) portalLoginShow(c *fiber.Ctx) error {
	if currentCustomer(c) != nil {
		return c.Redirect("/portal", fiber.StatusSeeOther)
	}
	next := safePortalNext(c.Query("next"))
	return s.renderPortal(c, fiber.StatusOK, "portal/login", "Sign in", func(p *portalPage) { p.Next = next }, nil)
}

// portalLoginCreate checks a customer's password and signs them in. A
// right password of a contact who may not use the portal is refused with
// the reason; nothing else tells an unknown address from a wrong password.
func (s *Server) portalLoginCreate(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	cu, err := s.portal.Authenticate(c.UserContext(), email, c.FormValue("password"))
	var refused *portal.RefusedError
	switch {
	case errors.Is(err, model.ErrUnauthorized):
		return s.portalLoginAgain(c, fiber.StatusUnauthorized, email, portalLoginFailed)
	case errors.As(err, &refused):
		return s.renderPortal(c, fiber.StatusForbidden, "portal/refused", "Not authorized", func(p *portalPage) {
			p.Email, p.Message = refused.Email, string(refused.State)
		}, nil)
	case err != nil:
		return err
	}
	return s.portalSignIn(c, cu.ID, safePortalNext(c.FormValue("next")))
}

func (s *Server) portalLoginAgain(c *fiber.Ctx, status int, email, msg string) error {
	next := safePortalNext(c.FormValue("next"))
	return s.renderPortal(c, status, "portal/login", "Sign in", func(p *portalPage) { p.Email, p.Next = email, next },
		map[string]string{"form": msg})
}

// portalLoginGuard holds back repeated failed sign-ins of customers,
// as for agents.
func (s *Server) portalLoginGuard() fiber.Handler {
	return s.signInGuard(func(c *fiber.Ctx, msg string) error {
		return s.portalLoginAgain(c, fiber.StatusTooManyRequests, c.FormValue("email"), msg)
	})
}

// addressKey keys a limiter by the email address a form names.
func addressKey(c *fiber.Ctx) string { return "addr:" + addressOf(c) }

// portalLogout ends the customer's session.
func (s *Server) portalLogout(c *fiber.Ctx) error {
	if token := c.Cookies(portalCookie); token != "" {
		if err := s.portal.EndSession(c.UserContext(), token); err != nil {
			return err
		}
	}
	s.clearPortalCookie(c)
	flash(c, "You are signed out.")
	return redirect(c, "/portal/login")
}

// PasskeyFinish is where the sign-in page's passkey ceremony ends,
// carrying the page to go to afterwards.
func (p *portalPage) PasskeyFinish() string {
	return "/portal/passkeys/login/finish?next=" + urlEscape(p.Next)
}
