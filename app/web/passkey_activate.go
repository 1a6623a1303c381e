package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
)

// errLinkGone answers a passkey request on an activation page whose link
// stopped working since the page was opened.
var errLinkGone = fiber.NewError(fiber.StatusGone,
	"This activation link no longer works: it was used, replaced by a newer one, ended by a change to the account, or has expired. Reload the page to see why and ask for a new one.")

// activationPasskeyFinish stores the new passkey, then finishes the
// activation with it (the contact becomes verified "by passkey") and
// signs the customer in. Should the link stop working in between, the
// passkey is removed again: it belongs to an account that did not
// activate.
func (s *Server) activationPasskeyFinish(c *fiber.Ctx) error {
	if s.passkeys == nil {
		return s.passkeyFail(c, errPasskeysOff)
	}
	ct, err := s.activationContact(c)
	if err != nil {
		return s.passkeyFail(c, err)
	}
	ctx := c.UserContext()
	p, err := s.passkeys.FinishRegistration(ctx, s.takeCeremony(c, registerCeremonyCookie), ct.ID, c.Query("name"),
		c.Get(fiber.HeaderUserAgent), c.Body())
	if err != nil {
		return s.passkeyFail(c, err)
	}
	if _, err := s.activation.Complete(ctx, c.Params("token"), model.VerifiedByPasskey); err != nil {
		if rerr := s.passkeys.Withdraw(ctx, ct.ID, p.ID); rerr != nil {
			return s.passkeyFail(c, errors.Join(err, rerr))
		}
		return s.passkeyFail(c, linkGone(err))
	}
	if err := s.startPortalSession(c, ct.ID); err != nil {
		return s.passkeyFail(c, err)
	}
	flash(c, "Your account is active and your passkey “"+p.Name+"” is ready; you can rename it in your profile. Welcome!")
	return c.JSON(passkeyAnswer{Redirect: "/portal"})
}

// activationContact is the contact of the activation link in the URL.
func (s *Server) activationContact(c *fiber.Ctx) (*model.Contact, error) {
	l, err := s.activation.Lookup(c.UserContext(), c.Params("token"), model.LinkActivation)
	if err != nil {
		return nil, linkGone(err)
	}
	return s.contacts.Get(c.UserContext(), l.ContactID)
}

// linkGone turns the errors of a link that no longer works into
// errLinkGone, and leaves others alone.
func linkGone(err error) error {
	if activation.Dead(err) {
		return errLinkGone
	}
	return err
}
