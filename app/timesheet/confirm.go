package timesheet

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Confirming is the confirmation the agent's running timer asks for,
// shown again when the time they confirmed was refused; then is the
// ticket to go on with. No running timer is ErrNotFound.
func (s *Service) Confirming(ctx context.Context, agent *model.Agent, then int64) (*ConfirmError, error) {
	t, err := s.Store.Timer(ctx, agent.ID)
	if err != nil {
		return nil, err
	}
	return &ConfirmError{Timer: t, Elapsed: s.Store.Now().Sub(t.StartedAt), Then: then}, nil
}
