package app

import (
	"context"
	"flag"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/web"
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
			if err := demo.Load(ctx, st, e.log); err != nil {
				return err
			}
		}
		srv, err := web.New(ctx, e.cfg, e.log, st)
		if err != nil {
			return err
		}
		go sweepSessions(ctx, st, e)
		go runJobs(ctx, st, e)
		return srv.Listen(ctx)
	}
}

// runJobs runs background jobs until ctx ends; an import interrupted by
// a crash resumes here once its lease runs out.
func runJobs(ctx context.Context, st *store.Store, e *env) {
	r := jobs.NewRunner(st, e.log)
	r.Lease = e.cfg.JobLease
	imports.Register(r, imports.Deps{Store: st, FilesDir: e.cfg.FilesDir, Log: e.log})
	r.Run(ctx)
}

// sweepSessions deletes expired sessions every hour until ctx ends.
func sweepSessions(ctx context.Context, st *store.Store, e *env) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := st.DeleteExpiredSessions(ctx); err != nil && ctx.Err() == nil {
			e.log.Error("sweeping sessions", "err", err)
		} else if n > 0 {
			e.log.Info("swept expired sessions", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
