package passkey

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// List returns a contact's passkeys, oldest first.
func (s *Service) List(ctx context.Context, contactID int64) ([]model.Passkey, error) {
	return s.Store.Passkeys(ctx, contactID)
}

// Rename gives one of a contact's passkeys a new, non-empty name.
func (s *Service) Rename(ctx context.Context, contactID, id int64, name string) error {
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	if name == "" {
		return model.Invalid("name", "Give the passkey a name, such as the device it is on.")
	}
	return s.Store.RenamePasskey(ctx, contactID, id, name)
}

// Remove deletes one of a contact's passkeys. It refuses, with
// model.ErrLastSignIn, to remove the only usable passkey of a contact
// who has no password, so no one locks themselves out.
func (s *Service) Remove(ctx context.Context, contactID, id int64) error {
	has, err := s.Store.HasPassword(ctx, contactID)
	if err != nil {
		return err
	}
	return s.Store.RemovePasskey(ctx, contactID, id, has)
}

// Withdraw deletes a passkey registered in a ceremony that then failed,
// such as an activation whose link died meanwhile: it never let anyone
// in, so it is no way to sign in to keep.
func (s *Service) Withdraw(ctx context.Context, contactID, id int64) error {
	return s.Store.RemovePasskey(ctx, contactID, id, true)
}
