package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/demo"
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

// demoAdmin creates the demo's admin in a database that the demo data
// just filled, and says how to sign in, so `make demo` opens at once.
// A database that held anything before keeps asking for its own admin.
func demoAdmin(ctx context.Context, st *store.Store, e *env) error {
	n, err := st.CountAgents(ctx)
	if err != nil || n > 0 {
		return err
	}
	in := agent.Input{Name: demoAdminName, Email: demoAdminEmail, Password: demoAdminPassword}
	if _, err := app.Agents(e.cfg, st).CreateFirstAdmin(ctx, in); err != nil {
		return fmt.Errorf("demo admin: %w", err)
	}
	fmt.Fprintf(e.stdout, "Demo: open %s/login and sign in as %s with the password %s\n",
		strings.TrimSuffix(e.cfg.BaseURL, "/"), demoAdminEmail, demoAdminPassword)
	return nil
}
