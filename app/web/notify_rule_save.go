package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
)

// notifyRuleSave stores which channels carry one kind of message: email
// only, a channel instead of email, or a channel then email. A refusal
// shows the page again with the reason beside that kind's form.
func (s *Server) notifyRuleSave(c *fiber.Ctx) error {
	kind := model.NotifyKind(c.Params("kind"))
	steps := ruleSteps(c.FormValue("mode"), model.Channel(c.FormValue("channel")))
	err := s.notify.SetRule(c.UserContext(), actor(c), kind, steps)
	if fields, ok := fieldErrors(err); ok {
		p, err := s.notificationsData(c)
		if err != nil {
			return err
		}
		p.Failed, p.Errors = kind, fields
		return render(c, fiber.StatusUnprocessableEntity, "admin/notifications", "", p)
	}
	if err != nil {
		return err
	}
	p, err := s.notificationsData(c)
	if err != nil {
		return err
	}
	for _, r := range p.Rules {
		if r.Kind == kind {
			flash(c, "Saved: "+notify.KindLabels[kind]+" now goes by "+r.Describe+".")
		}
	}
	return redirect(c, "/admin/notifications#rule-"+string(kind))
}

// ruleSteps reads the form's choice as a rule's steps; a channel left
// unchosen stays in, for SetRule to refuse with a message.
func ruleSteps(mode string, ch model.Channel) []model.RuleStep {
	email := model.RuleStep{Channel: model.ChannelEmail, AddressKind: model.AddressEmail}
	switch mode {
	case "instead":
		return []model.RuleStep{{Channel: ch}}
	case "then":
		return []model.RuleStep{{Channel: ch}, email}
	}
	return []model.RuleStep{email}
}
