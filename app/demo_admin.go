package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/password"
	"github.com/portico-hub/portico/app/store"
)

// The demo's admin. Its password is the only default password Portico
// has, and it exists only in a database that --demo created: a real
// installation asks for its first admin on the first visit.
const (
	demoAdminName     = "Dana Demo"
	demoAdminEmail    = "demo@portico.test"
	demoAdminPassword = "portico-demo-2026"
)

// demoAdmin creates the demo's admin in a database that the demo data
// just filled, and says how to sign in, so `make demo` opens at once.
// A database that held anything before keeps asking for its own admin.
func demoAdmin(ctx context.Context, st *store.Store, e *env) error {
	n, err := st.CountAgents(ctx)
	if err != nil || n > 0 {
		return err
	}
	hash, err := password.Hash(demoAdminPassword)
	if err != nil {
		return err
	}
	if _, err := st.CreateFirstAdmin(ctx, demoAdminName, demoAdminEmail, hash); err != nil {
		return fmt.Errorf("demo admin: %w", err)
	}
	fmt.Fprintf(e.stdout, "Demo: open %s/login and sign in as %s with the password %s\n",
		strings.TrimSuffix(e.cfg.BaseURL, "/"), demoAdminEmail, demoAdminPassword)
	return nil
}
