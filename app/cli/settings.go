package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/store"
)

// registerSettings declares on fs the settings a command reads (keep, or
// all of them when keep is nil); the others keep their defaults (and
// environment), which only a command reading every setting validates.
func registerSettings(fs *flag.FlagSet, cfg *config.Config, keep []string) {
	if keep == nil {
		cfg.Register(fs)
		return
	}
	all := flag.NewFlagSet("settings", flag.ContinueOnError)
	cfg.Register(all)
	for _, n := range keep {
		f := all.Lookup(n)
		fs.Var(f.Value, f.Name, f.Usage)
	}
}

// validate checks the settings a command reads: one that reads only a
// few is not stopped by a server setting it never uses.
func validate(cfg *config.Config, keep []string) error {
	if keep != nil {
		return cfg.ValidateOnly(keep...)
	}
	return cfg.Validate()
}

// newLogger logs at the configured level, as text or JSON, to w.
func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	level, _ := cfg.Level()
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openStore opens the database of a command, naming it when it cannot:
// the store's error alone does not say which file it tried.
func openStore(ctx context.Context, cfg *config.Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DBPath)
	if err != nil {
		return nil, fmt.Errorf("cannot open the database %s: %w", cfg.DBPath, err)
	}
	return st, nil
}
