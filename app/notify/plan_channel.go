package notify

import (
	"context"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// channelMessages renders the channel message of each recipient with an
// address of the step's kind. When the channel cannot carry any (plugins
// off, plugin disabled), or a recipient has no address, note says why,
// for the email sent instead: the note is the same for all recipients
// without a message, as the reason is the channel's, or the missing
// address's.
func (s *Service) channelMessages(ctx context.Context, kind model.NotifyKind, mailKey string, step model.RuleStep,
	to []mail.Recipient, data func(mail.Recipient) mail.Data) ([]*model.NewMail, string, error) {
	out := make([]*model.NewMail, len(to))
	id, _ := step.Channel.InstanceID()
	if s.Plugins == nil {
		return out, "Sent by email: plugins are off, so no channel can carry messages.", nil
	}
	name, reason, ok := s.Plugins.Usable(ctx, id)
	if !ok {
		return out, "Sent by email: " + name + " cannot send: " + reason + ".", nil
	}
	ids := make([]int64, len(to))
	for i, r := range to {
		ids[i] = r.ContactID
	}
	addrs, err := s.Store.ChannelAddresses(ctx, ids, step.AddressKind)
	if err != nil {
		return nil, "", err
	}
	tpl, _, err := s.Template(ctx, kind)
	if err != nil {
		return nil, "", err
	}
	t, err := compile(tpl.Text)
	if err != nil {
		return nil, "", err
	}
	for i, r := range to {
		addr, ok := addrs[r.ContactID]
		if !ok {
			continue
		}
		d := data(r)
		if d.ContactName == "" {
			d.ContactName = r.Name
		}
		if d.PortalName == "" {
			d.PortalName = s.Mailer.PortalName
		}
		if d.PortalName == "" {
			d.PortalName = "Portico"
		}
		text, err := render(t, d)
		if err != nil {
			return nil, "", err
		}
		out[i] = &model.NewMail{MessageID: s.Mailer.MessageID(), To: addr, ToName: r.Name, ContactID: r.ContactID,
			Text: text, Template: mailKey, Channel: step.Channel, ChannelName: name, AddressKind: step.AddressKind}
	}
	return out, "Sent by email: the contact has no " + addressWord(step.AddressKind) + " for " + name + ".", nil
}

// addressWord names an address kind in a sentence.
func addressWord(kind string) string {
	if kind == model.AddressPhone {
		return "mobile number"
	}
	return kind + " address"
}
