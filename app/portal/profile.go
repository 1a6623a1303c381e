package portal

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/password"
)

// Profile is what a customer edits on their profile.
type Profile struct{ Name, Phone, Mobile string }

// UpdateProfile saves the name and the numbers a customer edits on their
// profile, under the same rules as an agent's edit. A number that Admin
// > Portal settings keeps from customers stays as stored, whatever was
// posted, and so does every other field. The audit trail names the
// customer.
func (s *Service) UpdateProfile(ctx context.Context, contactID int64, p Profile) error {
	if strings.TrimSpace(p.Name) == "" {
		return model.Invalid("name", "Enter your name.")
	}
	c, err := s.Store.Contact(ctx, contactID)
	if err != nil {
		return err
	}
	ps, err := s.Store.PortalSettings(ctx)
	if err != nil {
		return err
	}
	in := contact.InputOf(c.Fields())
	in.Name = p.Name
	if ps.EditPhone {
		in.Phone = p.Phone
	}
	if ps.EditMobile {
		in.Mobile = p.Mobile
	}
	return s.Contacts.Update(ctx, model.Actor{Name: c.Name}, contactID, in)
}

// ChangeOwnPassword sets the password a customer chooses on their
// profile. One who has a password must give it first, so a browser left
// signed in is not enough to take the account; one who signs in only
// with passkeys sets a first password. The policy is the activation's.
// Every session of the contact ends, this one too: the caller starts a
// new one for the browser that made the change.
func (s *Service) ChangeOwnPassword(ctx context.Context, cu *model.Customer, current, pw string) error {
	if cu.Email == "" {
		return model.Invalid("password", "Your account has no email address to sign in with. Ask the support team to add one.")
	}
	l, err := s.Store.PortalLogin(ctx, cu.Email)
	if err != nil {
		return err
	}
	if l.ContactID != cu.ID {
		return fmt.Errorf("portal: %s belongs to contact %d, not %d: %w", cu.Email, l.ContactID, cu.ID, model.ErrForbidden)
	}
	if err := checkCurrent(l.PasswordHash, current); err != nil {
		return err
	}
	if err := password.Validate(pw, l.Email); err != nil {
		return err
	}
	if password.Unchanged(pw, l.PasswordHash) {
		return model.Invalid("password", password.SameAsCurrent)
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return fmt.Errorf("portal: hash password: %w", err)
	}
	t := model.LinkTarget{ID: cu.ID, Name: l.Name, Email: l.Email}
	m, err := s.changedMail(ctx, mail.KeyPasswordChangedSelf, "/portal/forgot", t)
	if err != nil {
		return err
	}
	return s.Store.SetContactPassword(ctx, model.Actor{Name: l.Name}, cu.ID, hash, m, false)
}

// checkCurrent checks the current password given with a change, when
// the contact has one.
func checkCurrent(hash, current string) error {
	switch {
	case hash == "":
		return nil
	case current == "":
		return model.Invalid("current_password", "Enter your current password.")
	case !password.Check(current, hash):
		return model.Invalid("current_password", "This is not your current password.")
	}
	return nil
}

// SignOutEverywhere ends every portal session of a contact, on every
// device, and the links last emailed to it.
func (s *Service) SignOutEverywhere(ctx context.Context, contactID int64) error {
	_, err := s.Store.SignOutEverywhere(ctx, contactID)
	return err
}
