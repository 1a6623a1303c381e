package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
)

// smsThenEmail is an activation link sent by SMS with its email held as
// the fallback, both carrying the link.
func smsThenEmail(id int64, email string, tok string, expires time.Time) model.NewLink {
	link := "https://support.example.com/portal/activate/" + tok
	l := newLink(id, email, token.Hash(tok), model.LinkActivation, expires)
	sms := model.NewMail{MessageID: "sms-" + email, To: "+447700900001", ContactID: id, Text: "Activate: " + link,
		Template: "activation", Channel: model.InstanceChannel(7), ChannelName: "SMS: Office", AddressKind: model.AddressPhone}
	mail := l.Mail
	mail.Text, mail.Held = "Activate here: "+link, true
	l.Plan = []model.NewMail{sms, mail}
	return l
}

// TestHeldFallbackGoesOnlyWhenTheChannelFails queues two links by SMS with
// email fallbacks: the held emails are never claimed by the email sender;
// the SMS that fails for good releases its email, with the reason, and the
// one that goes out closes its email as skipped, link redacted.
func TestHeldFallbackGoesOnlyWhenTheChannelFails(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Ann", "ann@example.com")
	b := mustContact(t, st, "Bo", "bo@example.com")
	expires := clk.now().Add(72 * time.Hour)
	toks := []string{token.New(), token.New()}
	if sent, err := st.IssueLinks(ctx, ann, []model.NewLink{smsThenEmail(a, "ann@example.com", toks[0], expires),
		smsThenEmail(b, "bo@example.com", toks[1], expires)}); err != nil || len(sent) != 2 {
		t.Fatalf("issue: %v %v", sent, err)
	}
	if got, err := st.ClaimEmails(ctx, 10, time.Minute); err != nil || len(got) != 0 {
		t.Fatalf("email sender claimed %d held or channel messages (%v)", len(got), err)
	}
	sms, err := st.ClaimChannelMessages(ctx, 10, time.Minute)
	if err != nil || len(sms) != 2 || sms[0].AddressKind != model.AddressPhone {
		t.Fatalf("channel claim: %+v %v", sms, err)
	}
	err = st.FinishEmails(ctx, []model.MailOutcome{
		{ID: sms[0].ID, State: model.MailFailed, Error: "invalid_address: no such number"},
		{ID: sms[1].ID, State: model.MailSent, Transport: model.TransportChannel, ProviderID: "k-1", Segments: 1}})
	if err != nil {
		t.Fatal(err)
	}
	released, err := st.ClaimEmails(ctx, 10, time.Minute)
	if err != nil || len(released) != 1 || released[0].To != "ann@example.com" || released[0].WaitsFor != sms[0].ID {
		t.Fatalf("released: %+v %v", released, err)
	}
	if n := released[0].Note; !strings.Contains(n, "SMS: Office failed: invalid_address: no such number") {
		t.Errorf("note %q does not say why the fallback went", n)
	}
	if !strings.Contains(released[0].Text, toks[0]) {
		t.Errorf("the released email lost its link: %q", released[0].Text)
	}
	p, err := st.ListEmails(ctx, model.MailQuery{State: model.MailSkipped, PerPage: 10})
	if err != nil || p.Total != 1 {
		t.Fatalf("skipped: %+v %v", p, err)
	}
	skipped := p.Mails[0]
	if skipped.To != "bo@example.com" || strings.Contains(skipped.Text, toks[1]) || skipped.LinkRedactedAt == nil {
		t.Errorf("skipped email %+v still holds its link", skipped)
	}
	sent, err := st.Email(ctx, sms[1].ID)
	if err != nil || sent.ProviderID != "k-1" || sent.Segments != 1 || strings.Contains(sent.Text, toks[1]) {
		t.Errorf("sent SMS %+v (%v): want its receipt and its link redacted", sent, err)
	}
	if js, _ := st.Jobs(ctx, store.ChannelJobKind, 10); len(js) != 1 {
		t.Errorf("%d channel delivery jobs, want 1", len(js))
	}
}

// TestAHeldMessageNeedsOneBeforeIt refuses a fallback with nothing to
// wait for, and writes nothing.
func TestAHeldMessageNeedsOneBeforeIt(t *testing.T) {
	st, clk := open(t)
	a := mustContact(t, st, "Ann", "ann@example.com")
	l := newLink(a, "ann@example.com", token.Hash(token.New()), model.LinkActivation, clk.now().Add(time.Hour))
	l.Mail.Held = true
	if _, err := st.IssueLinks(context.Background(), ann, []model.NewLink{l}); err == nil {
		t.Fatal("a held email without a message before it was queued")
	}
	if c, _ := st.CountEmails(context.Background()); len(c) != 0 {
		t.Errorf("outbox %v, want empty", c)
	}
}
