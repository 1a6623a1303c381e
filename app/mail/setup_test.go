package mail_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// env is a store, a mailer and a running delivery job, sending to
// smtpURL, or to the built-in mailbox when it is empty.
type env struct {
	st     *store.Store
	clk    *storetest.Clock
	mailer *mail.Mailer
	runner *jobs.Runner
}

func newEnv(t testing.TB, smtpURL string) *env {
	t.Helper()
	return newEnvFrom(t, smtpURL, "")
}

// newEnvFrom is newEnv with the sender configured as mailFrom, or the
// default sender when it is empty.
func newEnvFrom(t testing.TB, smtpURL, mailFrom string) *env {
	t.Helper()
	cfg := config.Default()
	cfg.BaseURL, cfg.SMTPURL, cfg.MailFrom = "https://support.example.com", smtpURL, mailFrom
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "mail.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{st: st, clk: storetest.NewClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))}
	st.Now = e.clk.Now
	e.mailer = &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}, From: cfg.From, PortalName: "Acme Support"}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.runner = jobs.NewRunner(st, log)
	e.runner.Poll = 10 * time.Millisecond
	mail.NewDeliverer(st, log, cfg.SMTP, cfg.From).Register(e.runner)
	return e
}

// started is newEnv with its delivery job running.
func started(t testing.TB, smtpURL string) *env {
	e := newEnv(t, smtpURL)
	e.start(t)
	return e
}

// start runs the jobs runner until the test ends.
func (e *env) start(t testing.TB) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.runner.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// queue sends the activation email to one recipient.
func (e *env) queue(t testing.TB, name, addr string) int64 {
	t.Helper()
	id, err := e.mailer.Queue(context.Background(), mail.KeyActivation, mail.Recipient{Name: name, Address: addr}, dataFor(addr))
	if err != nil {
		t.Fatal(err)
	}
	e.runner.Wake()
	return id
}

// waitFor polls until the email satisfies ok, failing after 10 s.
func (e *env) waitFor(t testing.TB, id int64, ok func(*model.Mail) bool) *model.Mail {
	t.Helper()
	var m *model.Mail
	testkit.Eventually(t, 10*time.Second, func() bool {
		var err error
		if m, err = e.st.Email(context.Background(), id); err != nil {
			t.Fatal(err)
		}
		return ok(m)
	}, "email %d stuck", id)
	return m
}

func inState(s model.MailState) func(*model.Mail) bool {
	return func(m *model.Mail) bool { return m.State == s }
}

// dataFor is an activation email's data, its link naming the address.
func dataFor(addr string) mail.Data {
	return mail.Data{Link: "https://support.example.com/portal/activate/tok-" + addr, ExpiresIn: "72 hours"}
}
