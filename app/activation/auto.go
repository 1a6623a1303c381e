package activation

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Auto reports whether new contacts are sent the activation email
// without anyone asking (Admin > Notifications).
func (s *Service) Auto(ctx context.Context) (bool, error) {
	return s.Store.ActivationAuto(ctx)
}

// SetAuto turns the automatic activation email on or off, with an audit
// entry.
func (s *Service) SetAuto(ctx context.Context, by model.Actor, on bool) error {
	return s.Store.SetActivationAuto(ctx, by, on)
}
