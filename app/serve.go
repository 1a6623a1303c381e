package app

import (
	"context"
	"flag"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/maintenance"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/timesheet"
	"github.com/portico-hub/portico/app/web"
	"github.com/portico-hub/portico/app/webhooks"
	"github.com/portico-hub/portico/static"
)

func serveCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	withDemo := fs.Bool("demo", false, "load sample contacts and companies into an empty database")
	return func(ctx context.Context) error {
		if err := static.Check(); err != nil {
			return err
		}
		st, err := store.Open(ctx, e.cfg.DBPath)
		if err != nil {
			return err
		}
		defer st.Close()
		if *withDemo {
			if err := loadDemo(ctx, st, e); err != nil {
				return err
			}
		}
		plugins, err := startPlugins(ctx, st, e)
		if err != nil {
			return err
		}
		defer plugins.Close()
		srv, err := web.New(ctx, e.cfg, e.log, st, web.WithPlugins(plugins))
		if err != nil {
			return err
		}
		stopJobs := startJobs(ctx, srv.Jobs(), st, e)
		defer stopJobs()
		return srv.Listen(ctx)
	}
}

// loadDemo fills an empty database with the demo data, its admin, then
// the team's work, whose agents must come after the first admin.
func loadDemo(ctx context.Context, st *store.Store, e *env) error {
	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if err := demo.Load(ctx, st, e.log); err != nil || !empty {
		return err
	}
	if err := demoAdmin(ctx, st, e); err != nil {
		return err
	}
	return demo.LoadTeam(ctx, st, e.log)
}

// startPlugins makes the plugin host and starts the approved plugins in
// the background: a broken plugin never delays or stops the server.
func startPlugins(ctx context.Context, st *store.Store, e *env) (*pluginhost.Host, error) {
	h, err := pluginhost.New(pluginhost.Options{Dir: e.cfg.PluginsDir, Store: st, Log: e.log, HostVersion: "portico"})
	if err != nil {
		return nil, err
	}
	go h.StartApproved(ctx)
	return h, nil
}

// startJobs runs the background workers (email delivery, activation, exports,
// webhooks, the hourly maintenance, and the imports the web server registered) until the
// returned stop is called, which waits for them to give back what they
// hold, so an interrupted import resumes at once on the next start.
func startJobs(ctx context.Context, runner *jobs.Runner, st *store.Store, e *env) (stop func()) {
	mail.NewDeliverer(st, e.log, e.cfg.SMTP, e.cfg.From).Register(runner)
	mailer := &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}, From: e.cfg.From}
	report := timesheet.Writer{Service: &timesheet.Service{Store: st}}.Write
	exports.Register(runner, exports.Deps{Store: st, FilesDir: e.cfg.FilesDir, Log: e.log, BaseURL: e.cfg.BaseURL, Mailer: mailer,
		Report: report})
	activation.Register(runner, &activation.Service{Store: st, Mailer: mailer, BaseURL: e.cfg.BaseURL, TTL: e.cfg.ActivationTTL})
	// Answered "forgot password" requests hold addresses people typed.
	keep := map[string]time.Duration{activation.ForgotJobKind: 24 * time.Hour}
	maintenance.Register(runner, maintenance.Deps{Store: st, Log: e.log, Retention: e.cfg.EventRetention, KeepJobs: keep})
	switch smtp := e.cfg.SMTP; {
	case smtp == nil:
		e.log.Info("no PORTICO_SMTP_URL: emails go to the SMTP server of Admin > Email, or stay in the built-in mailbox (Admin > Mailbox) without one")
	case smtp.TLS == config.TLSNone:
		e.log.Warn("emails are sent to the SMTP server without encryption (tls=none); use this only with a local test server", "smtp", smtp.Addr())
	default:
		e.log.Info("emails are sent through SMTP", "smtp", smtp.Addr(), "tls", smtp.TLS)
	}
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { runner.Run(rctx); close(done) }()
	hooks := webhookWorker(st, e)
	hooksDone := make(chan struct{})
	go func() { hooks.Run(rctx); close(hooksDone) }()
	return func() { cancel(); <-done; <-hooksDone }
}

// webhookWorker sends events to webhook endpoints. It has its own loop
// rather than jobs: deliveries are many and small, and a slow endpoint
// must never hold a worker that others need.
func webhookWorker(st *store.Store, e *env) *webhooks.Worker {
	mailer := &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}, From: e.cfg.From}
	w := webhooks.NewWorker(st, webhooks.NewClient(e.cfg.WebhookAllowNets), e.log, webhooks.Notice(mailer, e.cfg.BaseURL))
	w.Lease = max(e.cfg.JobLease, webhooks.Timeout+5*time.Second)
	return w
}
