package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/portal"
)

// passkeySignIn starts a portal session for the contact whose passkey
// just verified, unless the contact may not use the portal. Only the
// passkey's owner gets this far, so saying why reveals nothing.
func (s *Server) passkeySignIn(c *fiber.Ctx, contactID int64) error {
	err := s.portal.Admit(c.UserContext(), contactID)
	var refused *portal.RefusedError
	if errors.As(err, &refused) {
		return fiber.NewError(fiber.StatusForbidden, "You are not authorized to access this portal: "+passkeyRefusals[refused.State])
	}
	if err != nil {
		return err
	}
	return s.startPortalSession(c, contactID)
}

// passkeyRefusals words, per state, why a passkey does not let a contact
// in and what to do next, as the password sign-in's refusal page does.
var passkeyRefusals = map[model.State]string{
	model.StateUnverified: "your account is not activated yet. Open the link in your activation email, or use “Forgot your password?” to have a new one sent.",
	model.StateBlocked:    "your account has been blocked by the support team. If you think this is a mistake, contact them.",
	model.StateDeleted:    "your account has been deleted. If you need access again, contact the support team.",
}

// errNoCustomer answers a passkey request from someone not signed in.
var errNoCustomer = fiber.NewError(fiber.StatusUnauthorized, "Sign in to the portal first.")

// customer returns the contact signed in to the portal, or errNoCustomer.
func (s *Server) customer(c *fiber.Ctx) (*model.Contact, error) {
	cu := currentCustomer(c)
	if cu == nil {
		return nil, errNoCustomer
	}
	return s.contacts.Get(c.UserContext(), cu.ID)
}
