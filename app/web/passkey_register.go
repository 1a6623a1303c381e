package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// passkeyBegin hands the browser the options to create a passkey for
// the contact who resolves: the signed-in customer (s.customer), or, on
// an activation page, the holder of the link (s.activationContact).
func (s *Server) passkeyBegin(who func(*fiber.Ctx) (*model.Contact, error)) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if s.passkeys == nil {
			return s.passkeyFail(c, errPasskeysOff)
		}
		ct, err := who(c)
		if err != nil {
			return s.passkeyFail(c, err)
		}
		begun, err := s.passkeys.BeginRegistration(c.UserContext(), ct)
		if err != nil {
			return s.passkeyFail(c, err)
		}
		s.setCeremony(c, registerCeremonyCookie, begun.CeremonyID)
		return c.JSON(passkeyAnswer{Options: begun.Options})
	}
}

// passkeyRegisterFinish verifies and stores the new passkey, named by the
// optional ?name= or after its provider, and tells the browser where to
// go next (?next=, inside the portal). By default that is the profile,
// with the new passkey's name open to change at once; the address has no
// #passkeys, which would stop the browser from focusing that field.
func (s *Server) passkeyRegisterFinish(c *fiber.Ctx) error {
	if s.passkeys == nil {
		return s.passkeyFail(c, errPasskeysOff)
	}
	ct, err := s.customer(c)
	if err != nil {
		return s.passkeyFail(c, err)
	}
	id := s.takeCeremony(c, registerCeremonyCookie)
	p, err := s.passkeys.FinishRegistration(c.UserContext(), id, ct.ID, c.Query("name"), c.Get(fiber.HeaderUserAgent), c.Body())
	if err != nil {
		return s.passkeyFail(c, err)
	}
	flash(c, "Your passkey “"+p.Name+"” is ready. Next time, sign in with it.")
	next := portalNext(c.Query("next"), passkeysHome)
	if next == passkeysHome {
		next = fmt.Sprintf("/portal/profile?new=%d", p.ID)
	}
	return c.JSON(passkeyAnswer{Redirect: next})
}
