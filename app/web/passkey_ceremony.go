package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/passkey"
)

// errPasskeysOff answers when the base URL is not one a browser accepts
// for passkeys (an IP address).
var errPasskeysOff = fiber.NewError(fiber.StatusServiceUnavailable,
	"Passkeys are not available here: Portico must be reached by a domain name (set PORTICO_BASE_URL).")

// The ceremony id travels in an HttpOnly cookie rather than in the page:
// scripts cannot read it, it binds the ceremony to the browser that began
// it, and the finish request's body stays exactly the credential JSON
// that the library parses. It is scoped to the passkey URLs, strict
// same-site, and lives as long as the ceremony.
const (
	loginCeremonyCookie    = "portico_passkey_login"
	registerCeremonyCookie = "portico_passkey_register"
	passkeyPath            = "/portal/passkeys"
)

func (s *Server) setCeremony(c *fiber.Ctx, name, id string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: id, Path: passkeyPath, HTTPOnly: true, Secure: s.cfg.SecureCookie,
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Now().Add(passkey.CeremonyTTL)})
}

// takeCeremony reads and clears a ceremony cookie: it is single use.
func (s *Server) takeCeremony(c *fiber.Ctx, name string) string {
	id := c.Cookies(name)
	c.Cookie(&fiber.Cookie{Name: name, Path: passkeyPath, HTTPOnly: true, Secure: s.cfg.SecureCookie,
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(1, 0), MaxAge: -1})
	return id
}
