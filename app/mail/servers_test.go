package mail_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

var admin = model.Actor{Name: "Ann Admin"}

// hostPort splits a test server's smtp:// URL.
func hostPort(t *testing.T, raw string) (string, string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Hostname(), u.Port()
}

// TestAdminSMTPSettingsTakeEffectWithoutRestart: with no server in the
// environment, an email stays in the mailbox; once Admin > Email names
// the test server, the same running deliverer sends the next email there;
// once the settings are removed, email stays in the mailbox again.
func TestAdminSMTPSettingsTakeEffectWithoutRestart(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := started(t, "")
	kept := e.queue(t, "Ann", "ann@example.com")
	if m := e.waitFor(t, kept, inState(model.MailSent)); m.Transport != model.TransportMailbox {
		t.Fatalf("without a server: %+v", m)
	}
	host, port := hostPort(t, d.URL)
	servers := mail.Servers{Store: e.st}
	if err := servers.Save(context.Background(), admin, mail.SMTPInput{Host: host, Port: port, TLS: config.TLSNone}); err != nil {
		t.Fatal(err)
	}
	sent := e.queue(t, "Bo", "bo@example.com")
	if m := e.waitFor(t, sent, inState(model.MailSent)); m.Transport != model.TransportSMTP || len(d.Messages()) != 1 {
		t.Fatalf("with Admin > Email's server: %+v, %d arrived", m, len(d.Messages()))
	}
	if err := e.st.ClearSMTPSettings(context.Background(), admin); err != nil {
		t.Fatal(err)
	}
	again := e.queue(t, "Cy", "cy@example.com")
	if m := e.waitFor(t, again, inState(model.MailSent)); m.Transport != model.TransportMailbox {
		t.Fatalf("after removing the settings: %+v", m)
	}
}

// TestSMTPSettingsKeepOrClearThePassword: a blank password keeps the
// stored one, a new one replaces it, and clearing removes it; the
// environment's server wins over the settings.
func TestSMTPSettingsKeepOrClearThePassword(t *testing.T) {
	e := newEnv(t, "")
	ctx := context.Background()
	s := mail.Servers{Store: e.st}
	for _, step := range []struct {
		in   mail.SMTPInput
		want string
	}{
		{mail.SMTPInput{Host: "smtp.example.com", TLS: config.TLSStartTLS, Username: "ann", Password: "first"}, "first"},
		{mail.SMTPInput{Host: "smtp.example.com", TLS: config.TLSStartTLS, Username: "ann"}, "first"},
		{mail.SMTPInput{Host: "smtp.example.com", TLS: config.TLSStartTLS, Username: "ann", Password: "second"}, "second"},
		{mail.SMTPInput{Host: "smtp.example.com", TLS: config.TLSStartTLS, Username: "ann", ClearPassword: true}, ""},
	} {
		if err := s.Save(ctx, admin, step.in); err != nil {
			t.Fatal(err)
		}
		if m, _ := e.st.SMTPSettings(ctx); m.Password != step.want || m.Port != 587 {
			t.Fatalf("after %+v: password %q port %d, want %q and 587", step.in, m.Password, m.Port, step.want)
		}
	}
	env := &config.SMTP{Host: "env.example.com", Port: 465, TLS: config.TLSImplicit}
	if srv, fromEnv, _ := (mail.Servers{Store: e.st, Env: env}).Current(ctx); srv != env || !fromEnv {
		t.Fatalf("the environment's server does not win: %+v", srv)
	}
	var v *model.ValidationError
	err := s.Save(ctx, admin, mail.SMTPInput{Host: "smtp://x", TLS: "ssl", Port: "99999"})
	if !errors.As(err, &v) || v.Fields["host"] == "" || v.Fields["tls"] == "" || v.Fields["port"] == "" {
		t.Fatalf("bad input: %v", err)
	}
}

// TestSendTestReportsTheServersAnswer sends a test email through the
// test server: accepted, it returns the server's answer; refused, the
// error carries the server's code and text.
func TestSendTestReportsTheServersAnswer(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := newEnv(t, "")
	host, port := hostPort(t, d.URL)
	s := mail.Servers{Store: e.st}
	if err := s.Save(context.Background(), admin, mail.SMTPInput{Host: host, Port: port, TLS: config.TLSNone}); err != nil {
		t.Fatal(err)
	}
	from := e.mailer.From
	answer, err := s.SendTest(context.Background(), from, "ann@example.com", 5*time.Second)
	if err != nil || answer == "" || len(d.Messages()) != 1 {
		t.Fatalf("answer %q, err %v, %d arrived", answer, err, len(d.Messages()))
	}
	d.Refuse("nobody@example.com", &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"})
	if _, err := s.SendTest(context.Background(), from, "nobody@example.com", 5*time.Second); err == nil ||
		!strings.Contains(err.Error(), "550") || !strings.Contains(err.Error(), "No such user here") {
		t.Fatalf("refused test email: %v", err)
	}
}
