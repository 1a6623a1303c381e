package web

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/passkey"
)

// The passkey handlers reach the portal's sign-in through three
// functions on Server, so they stay independent of how portal sessions
// and passwords are kept:
//
//   - signInCustomer starts a portal session for a contact whose passkey
//     just verified. It judges the contact's state too, returning an
//     error whose message the customer sees (a *fiber.Error, or
//     model.ErrForbidden) to refuse a blocked, deleted or unverified one.
//   - currentCustomer returns the signed-in customer, or nil.
//   - customerHasPassword tells whether a contact can also sign in with a
//     password, which decides whether their last passkey may go.
type (
	signInFunc      func(c *fiber.Ctx, contactID int64) error
	currentFunc     func(c *fiber.Ctx) (*model.Contact, error)
	hasPasswordFunc func(ctx context.Context, contactID int64) (bool, error)
)

// errNoCustomer answers a passkey request from someone not signed in.
var errNoCustomer = fiber.NewError(fiber.StatusUnauthorized, "Sign in to the portal first.")

// customer returns the signed-in customer or errNoCustomer.
func (s *Server) customer(c *fiber.Ctx) (*model.Contact, error) {
	ct, err := s.currentCustomer(c)
	if err == nil && ct == nil {
		err = errNoCustomer
	}
	return ct, err
}

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
