package notify

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// AddressKinds lists the kinds of address the channels need that a
// contact keeps apart from their email addresses and mobile number (a
// chat id), each with the first channel that handles it, for the contact
// page's fields.
func (s *Service) AddressKinds(ctx context.Context) (map[string]pluginhost.Channel, error) {
	chans, err := s.Channels(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]pluginhost.Channel{}
	for _, c := range chans {
		for _, k := range c.AddressKinds {
			if _, seen := out[k]; !seen && k != model.AddressEmail && k != model.AddressPhone {
				out[k] = c
			}
		}
	}
	return out, nil
}

// Addresses lists the addresses a contact keeps for the channels, one
// per kind, for the contact page.
func (s *Service) Addresses(ctx context.Context, contactID int64) ([]model.ContactAddress, error) {
	return s.Store.ContactAddresses(ctx, contactID)
}

// SaveAddress checks a contact's address of a channel's kind with
// CheckAddress and stores it as the channel writes it; an empty address
// removes it. Mobile numbers are the contact's own field: check them
// with CheckAddress before saving the contact.
func (s *Service) SaveAddress(ctx context.Context, actor model.Actor, contactID int64, kind, address string) error {
	address = strings.TrimSpace(address)
	if address != "" {
		var err error
		if address, err = s.CheckAddress(ctx, kind, address); err != nil {
			return err
		}
	}
	return s.Store.SetContactAddress(ctx, actor, contactID, kind, address)
}

// CheckAddress asks the first usable channel that handles kind whether
// it can deliver to address, and returns the address as it writes it.
// A refusal is a validation error of field kind with the channel's
// reason; nobody is contacted.
func (s *Service) CheckAddress(ctx context.Context, kind, address string) (string, error) {
	chans, err := s.Channels(ctx)
	if err != nil {
		return "", err
	}
	for _, c := range chans {
		if !c.Usable || !slices.Contains(c.AddressKinds, kind) {
			continue
		}
		check, err := s.Plugins.ValidateAddress(ctx, c.InstanceID, kind, address)
		if err != nil {
			return "", fmt.Errorf("notify: check %s address with %s: %w", kind, c.Name, err)
		}
		if !check.Valid {
			return "", model.Invalid(kind, check.Reason)
		}
		return check.Normalized, nil
	}
	return "", model.Invalid(kind, fmt.Sprintf("No channel that sends to %s addresses is running, so this one cannot be checked.", kind))
}
