package notify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
)

// TestRulesTakeThreeShapesOnly refuses email before a channel, a third
// step and an unknown channel, each with a message; SMS alone is kept, and
// then a contact without a mobile number gets nothing and the agent is
// told why.
func TestRulesTakeThreeShapesOnly(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	email := model.RuleStep{Channel: model.ChannelEmail}
	sms := model.RuleStep{Channel: e.sms}
	for name, steps := range map[string][]model.RuleStep{
		"email first": {email, sms}, "three": {sms, email, email}, "none": nil,
		"unknown": {{Channel: model.InstanceChannel(99)}}, "not a channel": {{Channel: "pager"}},
	} {
		if err := e.svc.SetRule(ctx, admin, model.NotifyActivation, steps); err == nil || !strings.Contains(err.Error(), " ") {
			t.Errorf("%s: saved, or refused without a message: %v", name, err)
		}
	}
	e.rule(t, sms)
	rules, err := e.svc.Rules(ctx)
	if err != nil || len(rules) != len(model.NotifyKinds) {
		t.Fatal(rules, err)
	}
	if r := rules[0]; len(r.Steps) != 1 || r.Steps[0].AddressKind != model.AddressPhone || r.UpdatedBy != admin.Name {
		t.Errorf("activation rule %+v", r)
	}
	if got := e.svc.Describe(ctx, rules[1]); got != "email" {
		t.Errorf("password reset reads %q, want email", got)
	}
	bob := e.contact(t, "Bob", "bob@example.com", "")
	if _, err := e.act.Send(ctx, admin, bob); err == nil || !strings.Contains(err.Error(), "Notifications") {
		t.Errorf("send to a contact the rule cannot reach: %v", err)
	}
}

// TestPreviewCountsSegmentsAsTheChannelDoes measures the default text as
// one SMS, a text in Greek as UCS-2, and a long one as too long.
func TestPreviewCountsSegmentsAsTheChannelDoes(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id, _ := e.sms.InstanceID()
	p, err := e.svc.Preview(ctx, model.NotifyActivation, notify.Defaults[model.NotifyActivation], id)
	if err != nil || p.Segments != 1 || p.TooLong || !strings.Contains(p.Text, "Alex Kim") || p.Limits.MaxSegments != 6 {
		t.Fatalf("default: %+v %v", p, err)
	}
	if p, _ := e.svc.Preview(ctx, model.NotifyActivation, "Γειά σας {{.ContactName}} {{.Link}}", id); !p.Unicode {
		t.Errorf("Greek text not measured as UCS-2: %+v", p)
	}
	long := strings.Repeat("word ", 200) + "{{.Link}}"
	if p, _ := e.svc.Preview(ctx, model.NotifyActivation, long, id); !p.TooLong || p.Segments <= 6 {
		t.Errorf("long text: %d segments, too long %v", p.Segments, p.TooLong)
	}
	if _, err := e.svc.Preview(ctx, model.NotifyActivation, "Hi {{.Nope", id); err == nil {
		t.Error("a broken template previewed")
	}
	if err := e.svc.SetTemplate(ctx, admin, model.NotifyActivation, "Welcome {{.ContactName}}"); err != nil {
		t.Fatal(err)
	}
	if tpl, custom, err := e.svc.Template(ctx, model.NotifyActivation); err != nil || !custom || tpl.Text != "Welcome {{.ContactName}}" {
		t.Errorf("saved template: %+v %v %v", tpl, custom, err)
	}
}
