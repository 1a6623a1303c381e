package notify_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/ticket"
)

var agent = model.Actor{Name: "Lee Agent"}

// tickets is the ticket service over the env's outbox and rules.
func (e *env) tickets() *ticket.Service {
	return &ticket.Service{Store: e.st, Mailer: e.svc.Mailer, Notify: e.svc, BaseURL: "https://support.example.com"}
}

// ticketOf raises a ticket for a contact.
func (e *env) ticketOf(t testing.TB, contactID int64, subject string) int64 {
	t.Helper()
	id, err := e.st.CreateTicket(context.Background(), admin, model.NewTicket{ContactID: contactID, Subject: subject, Description: "Help"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// reply adds an agent's public reply.
func (e *env) reply(t testing.TB, ticketID int64, body string) {
	t.Helper()
	if err := e.tickets().Reply(context.Background(), agent, ticketID, ticket.AgentReply{Body: body}); err != nil {
		t.Fatal(err)
	}
}

// TestTicketReplyGoesBySMSOrByEmail replies under "SMS, then email": the
// requester with a mobile number gets, at the fake SMSC, the built-in
// text with their name made plain, the subject cut short and the link to
// the ticket, not the reply, and their email (queued held with the reply)
// is closed as not needed; the requester without one gets the email with
// the reply, saying why.
func TestTicketReplyGoesBySMSOrByEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if err := e.svc.SetRule(ctx, admin, model.NotifyTicketMessage, []model.RuleStep{{Channel: e.sms}, {Channel: model.ChannelEmail}}); err != nil {
		t.Fatal(err)
	}
	ann := e.contact(t, "Ann <b>\x1b[31mLee\u202e", "ann@example.com", "+44 7700 900001")
	bob := e.contact(t, "Bob", "bob@example.com", "")
	at := e.ticketOf(t, ann, "The invoice for March is missing from the portal and the export")
	bt := e.ticketOf(t, bob, "Printer")
	e.reply(t, at, "The March invoice is attached again.")
	e.reply(t, bt, "Try turning it off and on.")
	if m := e.messages(t, ann); len(m) != 2 || m[0].State != model.MailQueued || m[1].State != model.MailHeld || m[1].WaitsFor != m[0].ID {
		t.Fatalf("Ann's messages as the reply was saved: %+v", m)
	}
	e.start(t)
	e.settled(t)
	got := e.smsTo(t, 1, "+447700900001")
	want := fmt.Sprintf(`Portico: Hi Ann <b>[31mLee, new reply on your ticket #%d "The invoice for March is missing...": https://support.example.com/portal/tickets/%d`, at, at)
	if len(got) != 1 || got[0].Text != want {
		t.Fatalf("SMS to Ann: %+v\nwant %q", got, want)
	}
	msgs := e.messages(t, ann)
	if msgs[0].State != model.MailSent || msgs[0].Transport != model.TransportChannel || msgs[0].Segments != 1 {
		t.Errorf("Ann's SMS: %+v", msgs[0])
	}
	if msgs[1].State != model.MailSkipped || !strings.Contains(msgs[1].Note, "Not needed") {
		t.Errorf("Ann's email fallback: %s %q", msgs[1].State, msgs[1].Note)
	}
	b := e.messages(t, bob)
	if len(b) != 1 || b[0].Channel != model.ChannelEmail || b[0].State != model.MailSent || b[0].Template != "ticket_reply" ||
		!strings.Contains(b[0].Note, "no mobile number") {
		t.Fatalf("Bob's messages: %+v", b)
	}
	if shown, err := e.st.Email(ctx, b[0].ID); err != nil || !strings.Contains(shown.Text, "Try turning it off and on.") {
		t.Errorf("Bob's email lacks the reply: %v", err)
	}
}

// TestTicketReplyBodyIsLeftOutWhenTooLong has an admin's text carry the
// reply: a short one goes in the SMS; one that would need more SMS than
// Kannel's plugin sends is left out, and the SMS still goes, with the
// link, instead of failing over to email.
func TestTicketReplyBodyIsLeftOutWhenTooLong(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if err := e.svc.SetRule(ctx, admin, model.NotifyTicketMessage, []model.RuleStep{{Channel: e.sms}}); err != nil {
		t.Fatal(err)
	}
	text := `{{.AuthorName}} on #{{.TicketNumber}}{{if .ReplyBody}}: "{{.ReplyBody}}"{{end}}. Read it: {{.Link}}`
	if err := e.svc.SetTemplate(ctx, admin, model.NotifyTicketMessage, text); err != nil {
		t.Fatal(err)
	}
	ann := e.contact(t, "Ann", "ann@example.com", "+44 7700 900001")
	id := e.ticketOf(t, ann, "Printer")
	e.reply(t, id, "Fixed, thanks.")
	e.reply(t, id, strings.Repeat("A long explanation. ", 60))
	e.start(t)
	e.settled(t)
	link := fmt.Sprintf("https://support.example.com/portal/tickets/%d", id)
	got := e.smsTo(t, 2, "+447700900001")
	short := fmt.Sprintf(`Lee Agent on #%d: "Fixed, thanks.". Read it: %s`, id, link)
	long := fmt.Sprintf(`Lee Agent on #%d. Read it: %s`, id, link)
	// The outbox sends several messages at once, so the two may arrive
	// in either order.
	texts := make([]string, len(got))
	for i, m := range got {
		texts[i] = m.Text
	}
	slices.Sort(texts)
	want := []string{short, long}
	slices.Sort(want)
	if !slices.Equal(texts, want) {
		t.Fatalf("SMS: %q\nwant %q and %q", texts, short, long)
	}
	for _, m := range e.messages(t, ann) {
		if m.State != model.MailSent || m.Channel != e.sms {
			t.Errorf("message %d: %s by %s, want sent by SMS", m.ID, m.State, m.Channel)
		}
	}
}

// TestExportReadyGoesByEmailOnly refuses a channel for the export ready
// notice, which goes to agents, and its channel text, with the reason;
// email alone is kept, and the kinds offered channels leave it out.
func TestExportReadyGoesByEmailOnly(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, steps := range [][]model.RuleStep{{{Channel: e.sms}}, {{Channel: e.sms}, {Channel: model.ChannelEmail}}} {
		if err := e.svc.SetRule(ctx, admin, model.NotifyExportReady, steps); err == nil || !strings.Contains(err.Error(), "only go by email") {
			t.Errorf("channel rule for export ready: %v", err)
		}
	}
	if err := e.svc.SetRule(ctx, admin, model.NotifyExportReady, []model.RuleStep{{Channel: model.ChannelEmail}}); err != nil {
		t.Errorf("email only for export ready: %v", err)
	}
	rules, err := e.svc.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Kind == model.NotifyExportReady && e.svc.Describe(ctx, r) != "email" {
			t.Errorf("export ready rule reads %q", e.svc.Describe(ctx, r))
		}
	}
	if err := e.svc.SetTemplate(ctx, admin, model.NotifyExportReady, "Ready: {{.Link}}"); err == nil || !strings.Contains(err.Error(), "only go by email") {
		t.Errorf("channel text for export ready: %v", err)
	}
	kinds := notify.ChannelKinds()
	if slices.Contains(kinds, model.NotifyExportReady) || len(kinds) != len(model.NotifyKinds)-1 || !slices.Contains(kinds, model.NotifyTicketMessage) {
		t.Errorf("channel kinds: %v", kinds)
	}
}
