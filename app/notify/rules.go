package notify

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
)

// Rules returns every kind's rule, in model.NotifyKinds order.
func (s *Service) Rules(ctx context.Context) ([]model.NotifyRule, error) {
	rules, err := s.Store.NotifyRules(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]model.NotifyRule, len(model.NotifyKinds))
	for i, k := range model.NotifyKinds {
		out[i] = rules[k]
	}
	return out, nil
}

// Channels lists the notification channels a rule can use: the
// instances of notifier plugins, with the address kinds they handle.
// It is empty when plugins are off.
func (s *Service) Channels(ctx context.Context) ([]pluginhost.Channel, error) {
	if s.Plugins == nil {
		return nil, nil
	}
	return s.Plugins.Channels(ctx)
}

// SetRule checks and stores a kind's channels, in order, with an audit
// entry. Only three shapes are allowed: email alone, a channel alone, a
// channel then email; a kind that does not use channels
// (model.NotifyKind.UsesChannels) takes email alone. A channel's step takes the first address kind its
// plugin declares unless the step names one of the others.
func (s *Service) SetRule(ctx context.Context, actor model.Actor, kind model.NotifyKind, steps []model.RuleStep) error {
	if !kind.Valid() {
		return model.Invalid("kind", fmt.Sprintf("%q is not a kind of message Portico sends.", kind))
	}
	if err := checkShape(steps); err != nil {
		return err
	}
	if !kind.UsesChannels() && !steps[0].Channel.IsEmail() {
		return model.Invalid("channels", emailOnly)
	}
	for i, st := range steps {
		if st.Channel.IsEmail() {
			steps[i] = model.RuleStep{Channel: model.ChannelEmail, AddressKind: model.AddressEmail}
			continue
		}
		c, err := s.channelOf(ctx, st.Channel)
		if err != nil {
			return err
		}
		if len(c.AddressKinds) == 0 {
			return model.Invalid("channels", c.Name+" is not running, so it cannot say which addresses it handles. Start it, then save again.")
		}
		if !slices.Contains(c.AddressKinds, st.AddressKind) {
			steps[i].AddressKind = c.AddressKinds[0]
		}
	}
	old, err := s.Store.NotifyRule(ctx, kind)
	if err != nil {
		return err
	}
	r := model.NotifyRule{Kind: kind, Steps: steps}
	return s.Store.SaveNotifyRule(ctx, actor, r, s.Describe(ctx, old), s.Describe(ctx, r))
}

// ChannelKinds lists the kinds a rule may send through a channel, in
// model.NotifyKinds order: Admin > Notifications offers channels, and
// channel texts, for these alone.
func ChannelKinds() []model.NotifyKind {
	var out []model.NotifyKind
	for _, k := range model.NotifyKinds {
		if k.UsesChannels() {
			out = append(out, k)
		}
	}
	return out
}

// emailOnly says why a kind goes by email alone; export ready is the one
// such kind.
const emailOnly = "The export ready notice goes to the agent who asked for the export, and agents have no mobile number or chat address: it can only go by email."

// checkShape refuses anything but [email], [channel] and [channel, email].
func checkShape(steps []model.RuleStep) error {
	switch {
	case len(steps) == 0:
		return model.Invalid("channels", "Choose at least one channel.")
	case len(steps) > 2:
		return model.Invalid("channels", "Choose a channel and, behind it, email as the fallback: no more than two.")
	case len(steps) == 2 && (steps[0].Channel.IsEmail() || !steps[1].Channel.IsEmail()):
		return model.Invalid("channels", "Only email can be the fallback, behind a channel.")
	}
	return nil
}

func (s *Service) channelOf(ctx context.Context, ch model.Channel) (pluginhost.Channel, error) {
	id, ok := ch.InstanceID()
	if !ok || s.Plugins == nil {
		return pluginhost.Channel{}, model.Invalid("channels", fmt.Sprintf("%q is no notification channel.", ch))
	}
	c, err := s.Plugins.Channel(ctx, id)
	if err != nil {
		return c, model.Invalid("channels", "That notification channel no longer exists.")
	}
	return c, nil
}

// Describe says a rule in words, as the audit entry and the page show it:
// "SMS through Kannel: Office, then email".
func (s *Service) Describe(ctx context.Context, r model.NotifyRule) string {
	names := make([]string, len(r.Steps))
	for i, st := range r.Steps {
		names[i] = s.channelName(ctx, st.Channel)
	}
	return strings.Join(names, ", then ")
}

func (s *Service) channelName(ctx context.Context, ch model.Channel) string {
	if ch.IsEmail() {
		return "email"
	}
	id, _ := ch.InstanceID()
	if in, err := s.Store.PluginInstance(ctx, id); err == nil {
		return in.PluginID + ": " + in.Name
	}
	return string(ch)
}

// ActivationByPhone says whether activation links go first by a channel
// whose address is the contact's mobile number, so that a contact with a
// mobile number and no email address can be sent one.
func (s *Service) ActivationByPhone(ctx context.Context) (bool, error) {
	rules, err := s.Store.NotifyRules(ctx)
	if err != nil {
		return false, err
	}
	steps := rules[model.NotifyActivation].Steps
	return len(steps) > 0 && !steps[0].Channel.IsEmail() && steps[0].AddressKind == model.AddressPhone, nil
}
