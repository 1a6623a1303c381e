package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/token"
)

// anonCookie identifies a visitor who is not signed in, so the sign-in and
// setup forms carry CSRF tokens too.
const anonCookie = "portico_anon"

// errCSRF is answered with 403 and a "reload and try again" message.
var errCSRF = fiber.NewError(fiber.StatusForbidden, "This form has expired or did not come from Portico. Reload the page and try again.")

// csrf guards every state-changing request with a signed token bound to
// the session (or, before sign-in, to an anonymous cookie); portal forms
// are bound to the customer's portal session instead. The token is
// an HMAC, so nothing is stored, it survives restarts, and a token from
// one session is useless in another. HTMX sends it in X-CSRF-Token; plain
// forms in the _csrf field.
func (s *Server) csrf(c *fiber.Ctx) error {
	bind := c.Locals(localSession)
	if isPortal(c) {
		bind = c.Locals(localPortalSession)
	}
	if bind == nil {
		anon := c.Cookies(anonCookie)
		if len(anon) < 32 {
			anon = token.New()
			c.Cookie(&fiber.Cookie{Name: anonCookie, Value: anon, Path: "/", HTTPOnly: true,
				SameSite: fiber.CookieSameSiteLaxMode, Secure: s.cfg.SecureCookie, Expires: time.Now().Add(24 * time.Hour)})
		}
		bind = anon
	}
	want := s.csrfToken(bind.(string))
	c.Locals("csrf", want)
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	got := c.Get(csrfHeader)
	if got == "" {
		got = c.FormValue(csrfField)
	}
	if !hmac.Equal([]byte(got), []byte(want)) {
		return errCSRF
	}
	return c.Next()
}

func (s *Server) csrfToken(bind string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte("csrf\x00" + bind))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrfOf returns the request's CSRF token for forms.
func csrfOf(c *fiber.Ctx) string {
	t, _ := c.Locals("csrf").(string)
	return t
}
