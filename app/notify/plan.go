package notify

import (
	"context"

	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// Plan returns, for each recipient, the messages that carry one kind of
// message to them, ready for store.QueueMessagesTx (or a model.NewLink's
// Plan) in the transaction of the change they tell about:
//
//   - [email] when the rule is email only;
//   - [channel message] for a channel instead of email;
//   - [channel message, held email] for a channel then email;
//   - [email] with a Note saying why, when the contact has no address
//     for the rule's channel or its plugin is not usable, and the rule
//     falls back to email.
//
// A recipient the rule cannot reach (no address at all) gets none. The
// email is rendered from the email template mailKey, the channel text
// from the kind's channel template, both with data(recipient): the same
// link in both.
func (s *Service) Plan(ctx context.Context, kind model.NotifyKind, mailKey string, to []mail.Recipient,
	data func(mail.Recipient) mail.Data) ([][]model.NewMail, error) {
	rule, err := s.Store.NotifyRule(ctx, kind)
	if err != nil {
		return nil, err
	}
	out := make([][]model.NewMail, len(to))
	first := rule.Steps[0]
	var fallbackNote string
	if !first.Channel.IsEmail() {
		chans, note, err := s.channelMessages(ctx, kind, mailKey, first, to, data)
		if err != nil {
			return nil, err
		}
		for i, m := range chans {
			if m != nil {
				out[i] = append(out[i], *m)
			}
		}
		fallbackNote = note
	}
	if !hasEmail(rule) {
		return out, nil
	}
	emails, err := s.emails(ctx, mailKey, to, data)
	if err != nil {
		return nil, err
	}
	for i, m := range emails {
		if m == nil {
			continue
		}
		if len(out[i]) > 0 {
			m.Held = true
		} else if !first.Channel.IsEmail() {
			m.Note = fallbackNote
		}
		out[i] = append(out[i], *m)
	}
	return out, nil
}

func hasEmail(r model.NotifyRule) bool {
	return r.Steps[len(r.Steps)-1].Channel.IsEmail()
}

// emails composes the email of each recipient who has an address.
func (s *Service) emails(ctx context.Context, key string, to []mail.Recipient, data func(mail.Recipient) mail.Data) ([]*model.NewMail, error) {
	var with []mail.Recipient
	var at []int
	for i, r := range to {
		if r.Address != "" {
			with, at = append(with, r), append(at, i)
		}
	}
	out := make([]*model.NewMail, len(to))
	if len(with) == 0 {
		return out, nil
	}
	ms, err := s.Mailer.ComposeAll(ctx, key, with, data)
	if err != nil {
		return nil, err
	}
	for j, i := range at {
		out[i] = &ms[j]
	}
	return out, nil
}

// PlanOne plans one message to one recipient, as Plan does.
func (s *Service) PlanOne(ctx context.Context, kind model.NotifyKind, mailKey string, to mail.Recipient, d mail.Data) ([]model.NewMail, error) {
	plans, err := s.Plan(ctx, kind, mailKey, []mail.Recipient{to}, func(mail.Recipient) mail.Data { return d })
	if err != nil {
		return nil, err
	}
	return plans[0], nil
}
