package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalCookie holds a customer's portal session, apart from agents'
// portico_session: one browser may be both, and each signs out alone.
const portalCookie = "portico_portal"

// Locals keys of the portal.
const (
	localCustomer      = "customer"
	localPortalSession = "portal_session_token"
)

// loadCustomer attaches the signed-in customer, if any, to requests for
// the portal.
func (s *Server) loadCustomer(c *fiber.Ctx) error {
	token := c.Cookies(portalCookie)
	if token == "" || !isPortal(c) {
		return c.Next()
	}
	cu, err := s.portal.Resume(c.UserContext(), token)
	switch {
	case errors.Is(err, model.ErrNotFound):
		s.clearPortalCookie(c)
	case err != nil:
		return err
	default:
		c.Locals(localCustomer, cu)
		c.Locals(localPortalSession, token)
	}
	return c.Next()
}

// currentCustomer returns the contact signed in to the portal, or nil.
// Portal handlers behind requireCustomer can rely on it being set: this
// is how a portal page knows whose tickets, profile or passkeys to show.
func currentCustomer(c *fiber.Ctx) *model.Customer {
	cu, _ := c.Locals(localCustomer).(*model.Customer)
	return cu
}

// requireCustomer sends visitors who are not signed in to the portal's
// sign-in page, coming back here afterwards.
func (s *Server) requireCustomer(c *fiber.Ctx) error {
	if currentCustomer(c) != nil {
		return c.Next()
	}
	to := "/portal/login"
	if c.Method() == fiber.MethodGet && c.Path() != "/portal" {
		to += "?next=" + urlEscape(c.OriginalURL())
	}
	return redirect(c, to)
}

// isPortal reports whether a request is for the customer portal, whose
// forms are bound to the portal session rather than an agent's.
func isPortal(c *fiber.Ctx) bool {
	p := c.Path()
	return p == "/portal" || strings.HasPrefix(p, "/portal/")
}

// portalSignIn starts a new portal session for a contact and goes to next.
func (s *Server) portalSignIn(c *fiber.Ctx, contactID int64, next string) error {
	if err := s.startPortalSession(c, contactID); err != nil {
		return err
	}
	return redirect(c, next)
}

// startPortalSession starts a new portal session for a contact, ending
// the one the browser had, and sets its cookie. Password and passkey
// sign-ins both come through here.
func (s *Server) startPortalSession(c *fiber.Ctx, contactID int64) error {
	ctx := c.UserContext()
	if old := c.Cookies(portalCookie); old != "" {
		if err := s.portal.EndSession(ctx, old); err != nil {
			return err
		}
	}
	token, err := s.portal.StartSession(ctx, contactID, clientIP(c), c.Get(fiber.HeaderUserAgent))
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: portalCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.cfg.SecureCookie, Expires: time.Now().Add(s.cfg.SessionTTL)})
	return nil
}

func (s *Server) clearPortalCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: portalCookie, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.cfg.SecureCookie, Expires: time.Unix(1, 0), MaxAge: -1})
}
