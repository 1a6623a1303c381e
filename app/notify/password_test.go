package notify_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

var resetLink = regexp.MustCompile(`/portal/reset/([A-Za-z0-9_-]{43})`)

// TestPasswordNoticesFollowTheirRules sends a verified contact a reset
// link by email (its rule is the default) and, once the password is
// reset, the notice that it changed by SMS (its rule says so).
func TestPasswordNoticesFollowTheirRules(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if err := e.svc.SetRule(ctx, admin, model.NotifyPasswordChanged, []model.RuleStep{{Channel: e.sms}, {Channel: model.ChannelEmail}}); err != nil {
		t.Fatal(err)
	}
	in, err := e.st.CreateContact(ctx, admin, store.NewContact{Fields: model.ContactFields{Name: "Ann", Mobile: "+44 7700 900001"},
		Emails: []string{"ann@example.com"}, State: model.StateVerified})
	if err != nil {
		t.Fatal(err)
	}
	if purpose, err := e.act.Send(ctx, admin, in); err != nil || purpose != model.LinkPasswordReset {
		t.Fatalf("send: %s %v", purpose, err)
	}
	e.start(t)
	e.settled(t)
	msgs := e.messages(t, in)
	if len(msgs) != 1 || msgs[0].Channel != model.ChannelEmail {
		t.Fatalf("reset link: %+v", msgs)
	}
	shown, err := e.st.Email(ctx, msgs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	tok := resetLink.FindStringSubmatch(shown.Text)
	if tok == nil {
		t.Fatalf("no reset link in %q", shown.Text)
	}
	if _, err := e.act.SetPassword(ctx, tok[1], model.LinkPasswordReset, "a new long passphrase"); err != nil {
		t.Fatal(err)
	}
	e.runner.Wake()
	got := e.smsTo(t, 1, "+447700900001")
	if len(got) != 1 || !strings.Contains(got[0].Text, "your password was changed") {
		t.Fatalf("SMS: %+v", got)
	}
}
