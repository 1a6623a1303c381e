package cli

import (
	"context"
	"flag"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/static"
)

var serveCommand = command{
	name:    "serve",
	usage:   "portico serve [flags]",
	summary: "start the web server (the default command)",
	about: "Serves the agents' UI, the customer portal and the admin pages at --addr, and runs the background work: email delivery, imports, bulk actions, exports, webhook deliveries and the hourly clean-up. " +
		"It applies missing database migrations at start, checks every setting and explains any it cannot use. On SIGINT or SIGTERM it finishes the requests in flight and gives back the jobs it holds, which resume at the next start.\n\n" +
		"The first visit asks for the first admin account: there is no default password. With --demo an empty database gets a year of sample data and the demo's own admin, whose sign-in is printed.\n\n" +
		"GET /healthz answers {\"status\":\"ok\"} while the database answers.",
	examples: []string{
		"portico serve                                       # http://localhost:8080, data in data/",
		"PORTICO_ADDR=:9000 portico serve                    # another port",
		"portico serve --base-url https://support.example.com --trust-proxy   # behind a reverse proxy",
		"portico serve --db data/demo.db --demo              # explore with sample data",
	},
	flags: serveCmd,
}

// serveCmd runs the server until ctx ends: the store, the plugin host,
// everything app.Wire builds, and the background workers.
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
		p, err := app.Wire(ctx, e.cfg, e.log, st, plugins)
		if err != nil {
			return err
		}
		logMailRoute(e)
		defer p.Start(ctx)()
		return p.Web.Listen(ctx)
	}
}

// startPlugins makes the plugin host and starts the approved plugins in
// the background: a broken plugin never delays or stops the server.
func startPlugins(ctx context.Context, st *store.Store, e *env) (*pluginhost.Host, error) {
	h, err := app.PluginHost(e.cfg, e.log, st, false)
	if err != nil {
		return nil, err
	}
	go h.StartApproved(ctx)
	return h, nil
}

// logMailRoute says where emails go, so an admin sees at start-up
// whether they leave the building and how.
func logMailRoute(e *env) {
	switch smtp := e.cfg.SMTP; {
	case smtp == nil:
		e.log.Info("no PORTICO_SMTP_URL: emails go to the server set in Admin > Email server, or stay in the built-in mailbox (Admin > Mailbox) without one")
	case smtp.TLS == config.TLSNone:
		e.log.Warn("emails are sent to the SMTP server without encryption (tls=none); use this only with a local test server", "smtp", smtp.Addr())
	default:
		e.log.Info("emails are sent through SMTP", "smtp", smtp.Addr(), "tls", smtp.TLS)
	}
}
