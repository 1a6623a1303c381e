package contact

import (
	"context"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// AddressChecker asks the notification channel that handles an address
// kind whether an address is one it can deliver to, and returns it as the
// channel writes it; a refusal is a validation error on the field kind.
// The notify service is one.
type AddressChecker interface {
	CheckAddress(ctx context.Context, kind, address string) (string, error)
}

// maxChannelAddress bounds what is stored for one address.
const maxChannelAddress = 320

// SetChannelAddress checks address with the channel and stores it as the
// contact's address of kind, the mobile number for "phone"; a blank
// address clears it. A deleted contact is left as it is, and clearing the
// mobile number of a contact who has no other way to be reached is
// refused, as when the profile is edited.
func (s *Service) SetChannelAddress(ctx context.Context, actor model.Actor, id int64, kind, address string) error {
	address = strings.TrimSpace(address)
	c, err := s.Store.Contact(ctx, id)
	if err != nil {
		return err
	}
	if err := addressAllowed(c, kind, address); err != nil {
		return err
	}
	if address != "" {
		if address, err = s.Channels.CheckAddress(ctx, kind, address); err != nil {
			return err
		}
	}
	if kind == model.AddressPhone {
		return s.Store.SetContactMobile(ctx, actor, id, address)
	}
	return s.Store.SetContactAddress(ctx, actor, id, kind, address)
}

// addressAllowed refuses a change before any channel is asked: to a
// deleted contact, an address too long to be one, and clearing the only
// way to reach the contact.
func addressAllowed(c *model.Contact, kind, address string) error {
	switch {
	case c.State == model.StateDeleted:
		return model.Invalid("state", "This contact is deleted. Restore it to make changes.")
	case len([]rune(address)) > maxChannelAddress:
		return model.Invalid(kind, "This address is too long.")
	case address == "" && kind == model.AddressPhone:
		f := c.Fields()
		f.Mobile = ""
		if len(c.Emails) == 0 && !Reachable(f) {
			return model.Invalid(kind, Unreachable)
		}
	}
	return nil
}
