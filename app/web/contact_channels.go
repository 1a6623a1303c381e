package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// channelAddress is one address kind a channel handles, with the
// contact's address of that kind, for the contact page.
type channelAddress struct {
	Kind, Label, Address, Placeholder string
}

// kindLabels name the address kinds of the example channels; any other
// kind is shown as the plugin spells it.
var kindLabels = map[string][2]string{
	"phone": {"Mobile (SMS)", "+82 10 1234 5678"},
	"xmpp":  {"XMPP chat", "name@example.org"},
}

// kindLabel names an address kind for people.
func kindLabel(kind string) string {
	if l, ok := kindLabels[kind]; ok {
		return l[0]
	}
	return kind
}

// loadChannels fills in the messages sent to the contact by any channel,
// and the addresses it has on the installed channels.
func (s *Server) loadChannels(c *fiber.Ctx, p *contactPage) error {
	msgs, err := s.mailbox.List(c.UserContext(), model.MailQuery{ContactID: p.Contact.ID, PerPage: contactMessages})
	if err != nil {
		return err
	}
	p.Messages = msgs.Mails
	return s.loadChannelAddresses(c, p)
}

// loadChannelAddresses fills in the address kinds the installed channels
// handle and the contact's address of each; none without plugins.
func (s *Server) loadChannelAddresses(c *fiber.Ctx, p *contactPage) error {
	if s.plugins == nil {
		return nil
	}
	chs, err := s.plugins.Channels(c.UserContext())
	if err != nil {
		return err
	}
	kinds := pluginhost.AddressKinds(chs)
	if len(kinds) == 0 {
		return nil
	}
	stored, err := s.notify.Addresses(c.UserContext(), p.Contact.ID)
	if err != nil {
		return err
	}
	have := map[string]string{model.AddressPhone: p.Contact.Mobile}
	for _, a := range stored {
		have[a.Kind] = a.Address
	}
	for _, k := range kinds {
		a := channelAddress{Kind: k, Label: kindLabel(k), Address: have[k], Placeholder: kindLabels[k][1]}
		p.Reachable = p.Reachable || a.Address != ""
		if v, typed := p.NewAddress[k]; typed {
			a.Address = v
		}
		p.Addresses = append(p.Addresses, a)
	}
	return nil
}
