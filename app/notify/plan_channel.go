package notify

import (
	"context"
	"sync"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
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
	text, err := s.texter(ctx, kind, id)
	if err != nil {
		return nil, "", err
	}
	for i, r := range to {
		addr, ok := addrs[r.ContactID]
		if !ok {
			continue
		}
		body, err := text(s.fillIn(r, data(r)))
		if err != nil {
			return nil, "", err
		}
		out[i] = &model.NewMail{MessageID: s.Mailer.MessageID(), To: addr, ToName: r.Name, ContactID: r.ContactID,
			Text: body, Template: mailKey, Channel: step.Channel, ChannelName: name, AddressKind: step.AddressKind}
	}
	return out, "Sent by email: the contact has no " + addressWord(step.AddressKind) + " for " + name + ".", nil
}

// texter compiles a kind's channel text once and returns what renders it
// for one recipient's data, within the limits of channel instance id
// (asked of its plugin only when a text carries a reply body).
func (s *Service) texter(ctx context.Context, kind model.NotifyKind, id int64) (func(mail.Data) (string, error), error) {
	tpl, _, err := s.Template(ctx, kind)
	if err != nil {
		return nil, err
	}
	t, err := compile(tpl.Text)
	if err != nil {
		return nil, err
	}
	limits := sync.OnceValue(func() sdk.MessageLimits { return s.limits(ctx, id) })
	return func(d mail.Data) (string, error) { return fill(t, d, limits) }, nil
}

// fillIn completes d with what every channel text may name: the
// recipient's name and the portal's.
func (s *Service) fillIn(r mail.Recipient, d mail.Data) mail.Data {
	if d.ContactName == "" {
		d.ContactName = r.Name
	}
	if d.PortalName == "" {
		d.PortalName = s.Mailer.PortalName
	}
	if d.PortalName == "" {
		d.PortalName = "Portico"
	}
	return d
}

// addressWord names an address kind in a sentence.
func addressWord(kind string) string {
	if kind == model.AddressPhone {
		return "mobile number"
	}
	return kind + " address"
}
