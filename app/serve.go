package app

import (
	"context"
	"flag"
	"path/filepath"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
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
		p, err := Wire(ctx, e.cfg, e.log, st, plugins)
		if err != nil {
			return err
		}
		logMailRoute(e)
		defer p.Start(ctx)()
		return p.Web.Listen(ctx)
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
	h, err := pluginhost.New(pluginhost.Options{Dir: e.cfg.PluginsDir, DataDir: filepath.Join(e.cfg.FilesDir, "plugin-data"),
		Store: st, Log: e.log, HostVersion: "portico"})
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
		e.log.Info("no PORTICO_SMTP_URL: emails go to the SMTP server of Admin > Email, or stay in the built-in mailbox (Admin > Mailbox) without one")
	case smtp.TLS == config.TLSNone:
		e.log.Warn("emails are sent to the SMTP server without encryption (tls=none); use this only with a local test server", "smtp", smtp.Addr())
	default:
		e.log.Info("emails are sent through SMTP", "smtp", smtp.Addr(), "tls", smtp.TLS)
	}
}
