package mail_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

var linkPattern = regexp.MustCompile(`https://support\.example\.com/portal/activate/\S+`)

func TestActivationEmailArrivesOverSMTPWithItsLink(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := started(t, d.URL)
	id := e.queue(t, "Kim <Min-jun>", "minjun@example.com")
	sent := e.waitFor(t, id, inState(model.MailSent))
	<-d.Arrived
	got := d.Messages()
	if len(got) != 1 {
		t.Fatalf("the server received %d messages, want 1", len(got))
	}
	h := got[0].Header
	for name, want := range map[string]string{
		"From": `"Portico" <portico@support.example.com>`, "To": `"Kim <Min-jun>" <minjun@example.com>`,
		"Subject": "Activate your Acme Support account", "Message-Id": "<" + sent.MessageID + ">", "Auto-Submitted": "auto-generated",
	} {
		if h.Get(name) != want {
			t.Errorf("%s: %q, want %q", name, h.Get(name), want)
		}
	}
	p := got[0].Parts(t)
	link := linkPattern.FindString(p["text/plain"])
	if link != "https://support.example.com/portal/activate/tok-minjun@example.com" {
		t.Fatalf("link in the text part: %q\n%s", link, p["text/plain"])
	}
	if !strings.Contains(p["text/html"], `href="`+link+`"`) || !strings.Contains(p["text/html"], "Hi Kim &lt;Min-jun&gt;,") {
		t.Fatalf("the HTML part lacks the link or the escaped name:\n%s", p["text/html"])
	}
	if sent.Transport != model.TransportSMTP || sent.Attempts != 1 || sent.SentAt == nil {
		t.Fatalf("recorded: %+v", sent)
	}
}

func TestTemporaryRefusalIsRetriedLater(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := started(t, d.URL)
	d.Refuse("busy@example.com", &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"})
	id := e.queue(t, "Busy", "busy@example.com")
	m := e.waitFor(t, id, func(m *model.Mail) bool { return m.Attempts == 1 && m.State == model.MailQueued })
	if !strings.Contains(m.LastError, "451") || !m.NextAttemptAt.After(e.clk.Now()) {
		t.Fatalf("after a 451: error %q, next attempt %s (now %s)", m.LastError, m.NextAttemptAt, e.clk.Now())
	}
	d.Refuse("busy@example.com", nil)
	e.clk.Advance(time.Hour)
	e.runner.Wake()
	m = e.waitFor(t, id, inState(model.MailSent))
	if m.Attempts != 2 || m.LastError != "" || len(d.Messages()) != 1 {
		t.Fatalf("after the retry: %+v, %d received", m, len(d.Messages()))
	}
}

func TestPermanentRefusalFailsOnlyThatEmail(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := started(t, d.URL)
	d.Refuse("gone@example.com", &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"})
	gone := e.queue(t, "Gone", "gone@example.com")
	fine := e.queue(t, "Fine", "fine@example.com")
	m := e.waitFor(t, gone, inState(model.MailFailed))
	if !strings.Contains(m.LastError, "550") || !strings.Contains(m.LastError, "No such mailbox") || m.Attempts != 1 {
		t.Fatalf("a 550 should fail the email with its reason: %+v", m)
	}
	e.waitFor(t, fine, inState(model.MailSent))
}

func TestUnreachableServerKeepsEmailsQueued(t *testing.T) {
	e := started(t, "smtp://127.0.0.1:1?tls=none") // nothing listens on port 1
	id := e.queue(t, "Ann", "ann@example.com")
	m := e.waitFor(t, id, func(m *model.Mail) bool { return m.Attempts == 1 && m.State == model.MailQueued })
	if !strings.Contains(m.LastError, "could not connect to the SMTP server 127.0.0.1:1") {
		t.Fatalf("error shown to admins: %q", m.LastError)
	}
}

func TestWithoutSMTPEmailsStayInTheMailbox(t *testing.T) {
	e := started(t, "")
	id := e.queue(t, "Ann", "ann@example.com")
	m := e.waitFor(t, id, inState(model.MailSent))
	if m.Transport != model.TransportMailbox || !strings.Contains(m.Text, "tok-ann@example.com") {
		t.Fatalf("mailbox email: %+v", m)
	}
}

func TestADeadSendersEmailsAreSentAgain(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := newEnv(t, d.URL)
	ctx := context.Background()
	nm, err := e.mailer.Compose(ctx, mail.KeyActivation, mail.Recipient{Address: "lost@example.com"}, dataFor("lost@example.com"))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := e.st.QueueEmail(ctx, nm)
	if _, err := e.st.ClaimEmails(ctx, 10, time.Minute); err != nil { // a sender claims it, then dies
		t.Fatal(err)
	}
	e.start(t)
	leaseEnd := e.clk.Now().Add(time.Minute)
	waitJob(t, e, func(j model.Job) bool { return j.State == model.JobQueued && j.RunAt.Equal(leaseEnd) })
	e.clk.Advance(2 * time.Minute)
	e.runner.Wake()
	m := e.waitFor(t, id, inState(model.MailSent))
	if m.Attempts != 2 || m.MessageID != nm.MessageID || len(d.Messages()) != 1 {
		t.Fatalf("resent email: %+v", m)
	}
}

// waitJob polls until a delivery job satisfies ok, failing after 10 s.
func waitJob(t *testing.T, e *env, ok func(model.Job) bool) {
	t.Helper()
	testkit.Eventually(t, 10*time.Second, func() bool {
		js, err := e.st.Jobs(context.Background(), store.DeliverJobKind, 10)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(js, ok)
	}, "no delivery job as wanted")
}
