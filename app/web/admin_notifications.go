package web

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/pluginhost"
)

// notificationsPage is Admin > Notifications: the automatic activation
// switch, and for each kind of message the channels that carry it.
type notificationsPage struct {
	Base
	ActivationAuto bool
	Rules          []ruleRow
	// Channels are the usable channels a rule may choose.
	Channels   []pluginhost.Channel
	PluginsOff bool
	// Failed is the kind whose rule was refused, with Errors.
	Failed model.NotifyKind
}

// ruleRow is one kind of message with its rule as the form shows it.
type ruleRow struct {
	Kind     model.NotifyKind
	Label    string
	Mode     string // email, instead or then
	Channel  model.Channel
	Describe string
	// Unavailable says the rule's channel cannot carry messages now:
	// its plugin is disabled, changed or gone.
	Unavailable bool
}

// notificationsShow shows the switches and the rules.
func (s *Server) notificationsShow(c *fiber.Ctx) error {
	p, err := s.notificationsData(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/notifications", "", p)
}

// notificationsData builds the page as stored.
func (s *Server) notificationsData(c *fiber.Ctx) (*notificationsPage, error) {
	ctx := c.UserContext()
	p := &notificationsPage{Base: base(c, "Notifications", "notifications"), PluginsOff: s.plugins == nil}
	var err error
	if p.ActivationAuto, err = s.activation.Auto(ctx); err != nil {
		return nil, err
	}
	chs, err := s.notify.Channels(ctx)
	if err != nil {
		return nil, err
	}
	for _, ch := range chs {
		if ch.Usable && len(ch.AddressKinds) > 0 {
			p.Channels = append(p.Channels, ch)
		}
	}
	rules, err := s.notify.Rules(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		row := rowOf(r, describeRule(r, chs, s.notify.Describe(ctx, r)))
		row.Unavailable = row.Channel != "" && !slices.ContainsFunc(p.Channels, func(c pluginhost.Channel) bool {
			return model.InstanceChannel(c.InstanceID) == row.Channel
		})
		p.Rules = append(p.Rules, row)
	}
	return p, nil
}

// describeRule says a rule in words with the channels' names as the
// choices show them; fallback is the words for a channel no longer listed.
func describeRule(r model.NotifyRule, chs []pluginhost.Channel, fallback string) string {
	names := make([]string, 0, len(r.Steps))
	for _, st := range r.Steps {
		name := "email"
		if id, ok := st.Channel.InstanceID(); ok {
			i := slices.IndexFunc(chs, func(c pluginhost.Channel) bool { return c.InstanceID == id })
			if i < 0 {
				return fallback
			}
			name = chs[i].Name
		}
		names = append(names, name)
	}
	return strings.Join(names, ", then ")
}

// rowOf reads a rule as the form's choices.
func rowOf(r model.NotifyRule, describe string) ruleRow {
	row := ruleRow{Kind: r.Kind, Label: notify.KindLabels[r.Kind], Mode: "email", Describe: describe}
	if len(r.Steps) > 0 && !r.Steps[0].Channel.IsEmail() {
		row.Channel, row.Mode = r.Steps[0].Channel, "instead"
		if len(r.Steps) == 2 {
			row.Mode = "then"
		}
	}
	return row
}
