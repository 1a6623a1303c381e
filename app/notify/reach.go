package notify

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Reach says how a message of kind would reach a contact now, for the
// page of whoever is about to send one: "by SMS through Kannel to +44…,
// with an email to ann@example.com if that fails", "by email to …", or
// "" when the rule can reach the contact by nothing. email is the
// contact's primary address, or "".
func (s *Service) Reach(ctx context.Context, kind model.NotifyKind, contactID int64, email string) (string, error) {
	rule, err := s.Store.NotifyRule(ctx, kind)
	if err != nil {
		return "", err
	}
	byEmail := ""
	if hasEmail(rule) && email != "" {
		byEmail = "email to " + email
	}
	viaEmail := ""
	if byEmail != "" {
		viaEmail = "by " + byEmail
	}
	first := rule.Steps[0]
	if first.Channel.IsEmail() || s.Plugins == nil {
		return viaEmail, nil
	}
	id, _ := first.Channel.InstanceID()
	name, _, ok := s.Plugins.Usable(ctx, id)
	addrs, err := s.Store.ChannelAddresses(ctx, []int64{contactID}, first.AddressKind)
	if err != nil {
		return "", err
	}
	addr, has := addrs[contactID]
	if !ok || !has {
		return viaEmail, nil
	}
	route := "by " + name + " to " + addr
	if byEmail != "" {
		route += ", with an " + byEmail + " if that fails"
	}
	return route, nil
}
