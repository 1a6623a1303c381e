package notify_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	netmail "net/mail"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

var admin = model.Actor{Name: "Ada Admin"}

// env is Portico's outbox over a real Kannel: the kannel-sms example
// plugin built, approved and configured as the instance "Office", the
// activation rule "SMS, then email", and the jobs runner delivering
// email to the built-in mailbox and SMS through the plugin.
type env struct {
	st     *store.Store
	clk    *storetest.Clock
	host   *pluginhost.Host
	svc    *notify.Service
	act    *activation.Service
	runner *jobs.Runner
	kannel *testkit.Kannel
	sms    model.Channel
}

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	k := testkit.StartKannel(t)
	st, err := store.Open(ctx, filepath.Join(dir, "notify.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{st: st, kannel: k, clk: storetest.NewClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))}
	st.Now = e.clk.Now
	plugins := filepath.Join(dir, "plugins")
	testkit.InstallGoPlugin(t, plugins, filepath.Join("..", "..", "plugins", "examples", "kannel-sms"))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if e.host, err = pluginhost.New(pluginhost.Options{Dir: plugins, DataDir: filepath.Join(dir, "plugin-data"), Store: st, Log: log}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.host.Close)
	if err := e.host.Approve(ctx, "kannel-sms", nil, 0); err != nil {
		t.Fatal(err)
	}
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "kannel-sms", Name: "Office",
		Config:  fmt.Sprintf(`{"url":%q,"username":%q,"from":"Acme"}`, k.URL, testkit.KannelUser),
		Secrets: map[string]string{"password": testkit.KannelPassword}})
	if err != nil {
		t.Fatal(err)
	}
	e.sms = model.InstanceChannel(id)
	from := &netmail.Address{Name: "Acme Support", Address: "support@example.com"}
	mailer := &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}, From: from, PortalName: "Acme Support"}
	e.svc = &notify.Service{Store: st, Mailer: mailer, Plugins: e.host}
	e.act = &activation.Service{Store: st, Mailer: mailer, Notify: e.svc, BaseURL: "https://support.example.com"}
	e.runner = jobs.NewRunner(st, log)
	e.runner.Poll = 10 * time.Millisecond
	mail.NewDeliverer(st, log, nil, from).Register(e.runner)
	notify.NewDeliverer(st, e.host, log, time.Minute).Register(e.runner)
	e.rule(t, model.RuleStep{Channel: e.sms}, model.RuleStep{Channel: model.ChannelEmail})
	return e
}

// rule sets activation's channels.
func (e *env) rule(t testing.TB, steps ...model.RuleStep) {
	t.Helper()
	if err := e.svc.SetRule(context.Background(), admin, model.NotifyActivation, steps); err != nil {
		t.Fatal(err)
	}
}

// start runs the jobs runner until the test ends.
func (e *env) start(t testing.TB) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.runner.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// contact creates an unverified contact with an email address and a
// mobile number, either of which may be empty.
func (e *env) contact(t testing.TB, name, email, mobile string) int64 {
	t.Helper()
	in := store.NewContact{Fields: model.ContactFields{Name: name, Mobile: mobile}, State: model.StateUnverified}
	if email != "" {
		in.Emails = []string{email}
	}
	id, err := e.st.CreateContact(context.Background(), admin, in)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// messages returns a contact's outbox messages, oldest first.
func (e *env) messages(t testing.TB, contactID int64) []model.Mail {
	t.Helper()
	p, err := e.st.ListEmails(context.Background(), model.MailQuery{PerPage: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Mail
	for i := len(p.Mails) - 1; i >= 0; i-- {
		if p.Mails[i].ContactID == contactID {
			out = append(out, p.Mails[i])
		}
	}
	return out
}

// settled waits until no message of the outbox is queued or sending.
func (e *env) settled(t testing.TB) {
	t.Helper()
	testkit.Eventually(t, 30*time.Second, func() bool {
		c, err := e.st.CountEmails(context.Background())
		return err == nil && c[model.MailQueued] == 0 && c[model.MailSending] == 0
	}, "the outbox still has messages to send")
}
