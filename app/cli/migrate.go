package cli

import (
	"context"
	"flag"
	"fmt"
)

var migrateCommand = command{
	name:     "migrate",
	usage:    "portico migrate [flags]",
	summary:  "apply the database migrations and exit",
	about:    "Opens the database, creating it if missing, applies the migrations it lacks and says its schema version. portico serve does the same at start; this command lets a deployment migrate before it switches servers.",
	examples: []string{"portico migrate --db /var/lib/portico/portico.db   # migrate the database in place"},
	settings: []string{"db", "log-level", "log-format"},
	flags:    migrateCmd,
}

// migrateCmd opens the database, which applies the migrations it lacks,
// and says the schema version it is at.
func migrateCmd(_ *flag.FlagSet, e *env) func(context.Context) error {
	return func(ctx context.Context) error {
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		v, err := st.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "database %s is at schema version %d\n", e.cfg.DBPath, v)
		return nil
	}
}
