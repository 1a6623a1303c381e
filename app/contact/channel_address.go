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
// contact's address of kind; a blank address clears it. Clearing the
// mobile number of a contact who has no other way to be reached is
// refused, as when the profile is edited.
func (s *Service) SetChannelAddress(ctx context.Context, actor model.Actor, id int64, kind, address string) error {
	address = strings.TrimSpace(address)
	if len([]rune(address)) > maxChannelAddress {
		return model.Invalid(kind, "This address is too long.")
	}
	if address != "" {
		norm, err := s.Channels.CheckAddress(ctx, kind, address)
		if err != nil {
			return err
		}
		address = norm
	} else if err := s.keepReachable(ctx, id, kind); err != nil {
		return err
	}
	if kind == model.AddressPhone {
		return s.Store.SetContactMobile(ctx, actor, id, address)
	}
	return s.Store.SetContactAddress(ctx, actor, id, kind, address)
}

// keepReachable refuses to clear the mobile number of a contact whose
// only way to be reached it is.
func (s *Service) keepReachable(ctx context.Context, id int64, kind string) error {
	if kind != model.AddressPhone {
		return nil
	}
	c, err := s.Store.Contact(ctx, id)
	if err != nil {
		return err
	}
	f := c.Fields()
	f.Mobile = ""
	if len(c.Emails) == 0 && !Reachable(f) {
		return model.Invalid(kind, Unreachable)
	}
	return nil
}
