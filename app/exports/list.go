package exports

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Mine lists an agent's newest exports, up to limit. Nobody lists
// another agent's, admins included: the files hold every contact's data.
func Mine(ctx context.Context, d Deps, agent *model.Agent, limit int) ([]model.Export, error) {
	return d.Store.ExportsOf(ctx, agent.ID, limit)
}

// Count counts exactly the contacts an export of q would write (a list
// counts only up to a cap).
func Count(ctx context.Context, d Deps, q model.ContactQuery) (int, error) {
	n, _, err := d.Store.ExportSize(ctx, q, false)
	return n, err
}
