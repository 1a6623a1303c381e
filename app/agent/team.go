package agent

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Team lists every agent, admins first, for the admin's agents page.
func (s *Service) Team(ctx context.Context) ([]model.Agent, error) {
	return s.Store.ListAgents(ctx)
}

// SetRole makes agent id an admin or an agent, recorded in the agent's
// audit trail. The store refuses to demote the last active admin.
func (s *Service) SetRole(ctx context.Context, by model.Actor, id int64, role model.Role) error {
	if !role.Valid() {
		return model.Invalid("role", "Choose admin or agent.")
	}
	return s.Store.SetAgentRole(ctx, by, id, role)
}

// SetActive deactivates or reactivates agent id, recorded in the agent's
// audit trail; deactivation signs them out everywhere at once. Nobody
// deactivates themself: another admin must, so an admin cannot lock
// themself out by a slip.
func (s *Service) SetActive(ctx context.Context, by model.Actor, id int64, active bool) error {
	if !active && id == by.ID {
		return model.Invalid("active", "You cannot deactivate yourself. Ask another admin.")
	}
	return s.Store.SetAgentActive(ctx, by, id, active)
}

// Count counts every agent, active or not; zero means Portico awaits its
// first admin.
func (s *Service) Count(ctx context.Context) (int, error) {
	return s.Store.CountAgents(ctx)
}
