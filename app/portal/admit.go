package portal

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Admit checks that a contact who proved who they are some other way
// than a password (a passkey) may use the portal: a contact that is gone
// is model.ErrForbidden, one who is not verified a *RefusedError, as a
// right password would be.
func (s *Service) Admit(ctx context.Context, contactID int64) error {
	ct, err := s.Store.Contact(ctx, contactID)
	if errors.Is(err, model.ErrNotFound) {
		return fmt.Errorf("portal: contact %d: %w", contactID, model.ErrForbidden)
	}
	if err != nil {
		return err
	}
	if ct.State != model.StateVerified {
		return &RefusedError{State: ct.State, Email: ct.Email}
	}
	return nil
}

// HasPassword says whether a contact has chosen a portal password.
func (s *Service) HasPassword(ctx context.Context, contactID int64) (bool, error) {
	return s.Store.HasPassword(ctx, contactID)
}
