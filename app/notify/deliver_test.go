package notify_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/token"
)

var activateLink = regexp.MustCompile(`https://support\.example\.com/portal/activate/([A-Za-z0-9_-]{43})`)

// smsTo waits until the fake SMSC got n messages, and returns those to
// the number.
func (e *env) smsTo(t testing.TB, n int, number string) []testkit.SMS {
	t.Helper()
	var all []testkit.SMS
	testkit.Eventually(t, 30*time.Second, func() bool { all = e.kannel.Received(t); return len(all) >= n },
		"the fake SMSC got fewer than %d messages", n)
	var out []testkit.SMS
	for _, s := range all {
		if strings.TrimPrefix(s.To, "+") == strings.TrimPrefix(number, "+") {
			out = append(out, s)
		}
	}
	return out
}

// TestActivationGoesBySMSOrByEmail sends activation under "SMS, then
// email": a contact with a mobile number gets the link at the fake SMSC
// (their name stripped of control characters, the link working) and
// their email is closed as not needed; one without gets the email, which
// says why; one with a mobile number and no email gets the SMS.
func TestActivationGoesBySMSOrByEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ann := e.contact(t, "Ann <b>\x1b[31mLee\u202e", "ann@example.com", "+44 7700 900001")
	bob := e.contact(t, "Bob", "bob@example.com", "")
	cat := e.contact(t, "Cat", "", "+44 7700 900003")
	for _, id := range []int64{ann, bob, cat} {
		if _, err := e.act.Send(ctx, admin, id); err != nil {
			t.Fatal(err)
		}
	}
	e.start(t)
	e.settled(t)
	got := e.smsTo(t, 2, "+447700900001")
	if len(got) != 1 || !strings.Contains(got[0].Text, "Hi Ann <b>[31mLee, activate") {
		t.Fatalf("SMS to Ann: %+v", got)
	}
	tok := activateLink.FindStringSubmatch(got[0].Text)
	if tok == nil {
		t.Fatalf("no link in %q", got[0].Text)
	}
	msgs := e.messages(t, ann)
	if len(msgs) != 2 || msgs[0].State != model.MailSent || msgs[0].Transport != model.TransportChannel ||
		msgs[0].ProviderID == "" || msgs[0].Segments != 1 || msgs[0].LinkHash != token.Hash(tok[1]) {
		t.Fatalf("Ann's SMS: %+v", msgs)
	}
	if msgs[1].State != model.MailSkipped || !strings.Contains(msgs[1].Note, "Not needed") || strings.Contains(msgs[1].Text, tok[1]) {
		t.Errorf("Ann's email fallback: %s %q, text %q", msgs[1].State, msgs[1].Note, msgs[1].Text)
	}
	if st, err := e.st.LinkStatus(ctx, ann); err != nil || st.Used || st.Ended {
		t.Errorf("Ann's link: %+v %v", st, err)
	}
	b := e.messages(t, bob)
	if len(b) != 1 || b[0].Channel != model.ChannelEmail || b[0].Transport != model.TransportMailbox ||
		!strings.Contains(b[0].Note, "no mobile number") {
		t.Errorf("Bob's messages: %+v", b)
	}
	if c := e.smsTo(t, 2, "+447700900003"); len(c) != 1 || !activateLink.MatchString(c[0].Text) {
		t.Errorf("SMS to Cat: %+v", c)
	}
	if m := e.messages(t, cat); len(m) != 1 {
		t.Errorf("Cat has %d messages, want the SMS alone", len(m))
	}
}

// TestTemporaryFailureIsRetriedWithTheSameKey sends while smsbox is down:
// the SMS is queued again with the reason, then goes once smsbox is back,
// once.
func TestTemporaryFailureIsRetriedWithTheSameKey(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ann := e.contact(t, "Ann", "ann@example.com", "+44 7700 900001")
	e.kannel.StopSMSBox()
	if _, err := e.act.Send(ctx, admin, ann); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	testkit.Eventually(t, 30*time.Second, func() bool {
		m := e.messages(t, ann)
		return m[0].State == model.MailQueued && m[0].Attempts == 1 && m[0].LastError != ""
	}, "the SMS was not queued again after smsbox refused it")
	if m := e.messages(t, ann); m[1].State != model.MailHeld {
		t.Fatalf("the email fallback went on a temporary failure: %s", m[1].State)
	}
	e.kannel.StartSMSBox(t)
	e.clk.Advance(2 * time.Minute)
	e.runner.Wake()
	e.settled(t)
	m := e.messages(t, ann)
	if m[0].State != model.MailSent || m[0].Attempts != 2 || m[1].State != model.MailSkipped {
		t.Fatalf("after the retry: %s after %d attempts, email %s", m[0].State, m[0].Attempts, m[1].State)
	}
	if got := e.smsTo(t, 1, "+447700900001"); len(got) != 1 {
		t.Errorf("%d SMS to Ann, want 1", len(got))
	}
}

// TestInvalidNumberSendsTheEmailFallback gives Ann a number without its
// country code: the channel refuses it for good, and the email goes with
// the channel's reason.
func TestInvalidNumberSendsTheEmailFallback(t *testing.T) {
	e := newEnv(t)
	ann := e.contact(t, "Ann", "ann@example.com", "07700 900001")
	if _, err := e.act.Send(context.Background(), admin, ann); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	e.settled(t)
	m := e.messages(t, ann)
	if m[0].State != model.MailFailed || !strings.Contains(m[0].LastError, "invalid_address") {
		t.Fatalf("SMS %s: %q", m[0].State, m[0].LastError)
	}
	if m[1].State != model.MailSent || !strings.Contains(m[1].Note, "failed: invalid_address: write the number with its country code") {
		t.Errorf("email %s: %q", m[1].State, m[1].Note)
	}
	if !activateLink.MatchString(m[1].Text) {
		t.Errorf("the email kept in the mailbox lost its working link: %q", m[1].Text)
	}
}

// TestDisabledPluginFallsBackToEmailAndSaysSo disables the plugin with an
// SMS queued and another contact to send to: both get the email, with the
// reason.
func TestDisabledPluginFallsBackToEmailAndSaysSo(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ann := e.contact(t, "Ann", "ann@example.com", "+44 7700 900001")
	bob := e.contact(t, "Bob", "bob@example.com", "+44 7700 900002")
	if _, err := e.act.Send(ctx, admin, ann); err != nil {
		t.Fatal(err)
	}
	if err := e.host.Disable(ctx, "kannel-sms", "The SMS contract ended"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.act.Send(ctx, admin, bob); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	e.settled(t)
	a, b := e.messages(t, ann), e.messages(t, bob)
	if a[0].State != model.MailFailed || a[1].State != model.MailSent || !strings.Contains(a[1].Note, "Sent as the fallback") {
		t.Errorf("Ann: SMS %s (%q), email %s (%q)", a[0].State, a[0].LastError, a[1].State, a[1].Note)
	}
	if len(b) != 1 || b[0].Channel != model.ChannelEmail || !strings.Contains(b[0].Note, "The SMS contract ended") {
		t.Errorf("Bob: %+v", b)
	}
	if got := e.kannel.Received(t); len(got) != 0 {
		t.Errorf("a disabled channel sent %d SMS", len(got))
	}
}
