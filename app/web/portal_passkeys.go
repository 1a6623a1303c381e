package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// wirePortal connects the passkey handlers (passkey_hooks.go) to the
// portal's own sessions and passwords, so a passkey signs a customer in
// exactly as a password does, under the same refusals.
func (s *Server) wirePortal() {
	s.signInCustomer = s.passkeySignIn
	s.currentCustomer = s.signedInContact
	s.customerHasPassword = s.store.HasPassword
}

// passkeySignIn starts a portal session for the contact whose passkey
// just verified, unless the contact may not use the portal. Only the
// passkey's owner gets this far, so saying why reveals nothing.
func (s *Server) passkeySignIn(c *fiber.Ctx, contactID int64) error {
	ct, err := s.store.Contact(c.UserContext(), contactID)
	if errors.Is(err, model.ErrNotFound) {
		return model.ErrForbidden
	}
	if err != nil {
		return err
	}
	if why, ok := passkeyRefusals[ct.State]; ok {
		return fiber.NewError(fiber.StatusForbidden, "You are not authorized to access this portal: "+why)
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

// signedInContact is the contact signed in to the portal, or nil.
func (s *Server) signedInContact(c *fiber.Ctx) (*model.Contact, error) {
	cu := currentCustomer(c)
	if cu == nil {
		return nil, nil
	}
	return s.store.Contact(c.UserContext(), cu.ID)
}
