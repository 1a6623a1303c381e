package web

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/gofiber/template/html/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/passkey"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/portal"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/ticket"
	"github.com/portico-hub/portico/app/timesheet"
	"github.com/portico-hub/portico/app/webhooks"
	"github.com/portico-hub/portico/static"
	"github.com/portico-hub/portico/views"
)

// Server is the agents' web UI.
type Server struct {
	app       *fiber.App
	cfg       *config.Config
	log       *slog.Logger
	store     *store.Store
	agents    *agent.Service
	contacts  *contact.Service
	companies *company.Service
	mailTpls  *mail.Templates
	servers   mail.Servers
	mailbox   *mail.Mailbox
	exports   exports.Deps
	csrfKey   []byte
	// passkeys is nil when the base URL cannot carry passkeys.
	passkeys *passkey.Service
	imports  imports.Deps
	jobs     *jobs.Runner
	// activation sends and redeems contacts' one-time links; portal signs
	// customers in.
	activation *activation.Service
	bulk       *bulk.Service
	portal     *portal.Service
	tickets    *ticket.Service
	time       *timesheet.Service
	webhooks   *webhooks.Service
	secrets    secretSlots
	// sameOrigin tells an upload from Portico's own pages by its headers.
	sameOrigin *http.CrossOriginProtection
	// parsers bounds how many uploaded files are read at once.
	parsers *parsers
	// plugins is nil when the server runs without a plugin host.
	plugins *pluginhost.Host
	// crm is nil when the server runs without a plugin host.
	crm    *crmsync.Engine
	notify *notify.Service
}

// New builds the Fiber app with every route over the services in d.
// Templates are parsed here, so a broken or missing template stops the
// start. Handlers read and change state only through the services in
// d; st is there for the health check and the clock.
func New(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store, d Deps) (*Server, error) {
	engine := html.NewFileSystem(http.FS(views.FS), ".html")
	engine.AddFuncMap(funcs)
	if err := engine.Load(); err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, log: log, store: st, csrfKey: d.CSRFKey, servers: d.MailServers, mailbox: d.Mailbox, exports: d.Exports,
		agents: d.Agents, contacts: d.Contacts, companies: d.Companies, mailTpls: d.MailTemplates,
		activation: d.Activation, bulk: d.Bulk, portal: d.Portal, tickets: d.Tickets, time: d.Time, webhooks: d.Webhooks,
		imports: d.Imports, jobs: d.Jobs, passkeys: d.Passkeys, plugins: d.Plugins, crm: d.CRM,
		notify: d.Notify, sameOrigin: newSameOrigin(cfg),
		parsers: newParsers(),
	}
	fc := fiber.Config{
		Views:                 engine,
		ErrorHandler:          s.handleError,
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
		BodyLimit:             8 << 20,
	}
	s.app = fiber.New(fc)
	s.app.Use(recover.New(), requestid.New(requestid.Config{Generator: utils.UUIDv4}), s.findClient, s.secureTransport, s.logRequests, helmet.New(helmet.Config{
		ContentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
	}))
	static.Mount(s.app)
	s.routes()
	s.app.Server().HeaderReceived = s.uploadLimits
	return s, nil
}

// App returns the Fiber app, for tests that call app.Test.
func (s *Server) App() *fiber.App { return s.app }

// Listen opens the configured address and serves on it until ctx is done.
func (s *Server) Listen(ctx context.Context) error {
	ln, err := net.Listen(s.app.Config().Network, s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("web: listen on %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, then shuts down gracefully,
// letting in-flight requests finish for up to ten seconds. Tests pass a
// listener on port 0 to learn the port before the first request.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.app.Listener(ln) }()
	s.log.Info("portico is listening", "addr", ln.Addr().String(), "url", s.cfg.BaseURL)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.app.ShutdownWithContext(sctx)
}
