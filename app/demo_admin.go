package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/store"
)

// The demo's admin. Its password is the only default password Portico
// has, and it exists only in a database that --demo created: a real
// installation asks for its first admin on the first visit.
const (
	demoAdminName     = "Dana Demo"
	demoAdminEmail    = "dana@portico.test"
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
	agents := &agent.Service{Store: st}
	in := agent.Input{Name: demoAdminName, Email: demoAdminEmail, Password: demoAdminPassword}
	if _, err := agents.CreateFirstAdmin(ctx, in); err != nil {
		return fmt.Errorf("demo admin: %w", err)
	}
	fmt.Fprintf(e.stdout, "Demo: open %s/login and sign in as %s with the password %s\n",
		strings.TrimSuffix(e.cfg.BaseURL, "/"), demoAdminEmail, demoAdminPassword)
	return nil
}
