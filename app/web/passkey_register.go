package web

import (
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
// optional ?name=, and tells the browser where to go next (?next=, inside
// the portal; the profile's passkeys by default).
func (s *Server) passkeyRegisterFinish(c *fiber.Ctx) error {
	if s.passkeys == nil {
		return s.passkeyFail(c, errPasskeysOff)
	}
	ct, err := s.customer(c)
	if err != nil {
		return s.passkeyFail(c, err)
	}
	id := s.takeCeremony(c, registerCeremonyCookie)
	if _, err := s.passkeys.FinishRegistration(c.UserContext(), id, ct.ID, c.Query("name"), c.Body()); err != nil {
		return s.passkeyFail(c, err)
	}
	flash(c, "Your passkey is ready. Next time, sign in with it.")
	return c.JSON(passkeyAnswer{Redirect: portalNext(c.Query("next"), passkeysHome)})
}
