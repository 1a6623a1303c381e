package activation

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

// PortalActor is who the audit trail names for what visitors do in the
// portal before they have signed in.
var PortalActor = model.Actor{Name: "Customer portal"}

// SignUp creates an unverified contact for a visitor and emails them the
// activation link, when Admin > Portal settings allows sign-up; when it
// does not, the page does not exist. An address that is already known
// gets what "forgot password" sends it (the activation email again, or
// a password reset link), and nothing tells the visitor which case it
// was.
func (s *Service) SignUp(ctx context.Context, name, email string) error {
	ps, err := s.Store.PortalSettings(ctx)
	if err != nil {
		return err
	}
	if !ps.SignUp {
		return fmt.Errorf("activation: sign-up is off: %w", model.ErrNotFound)
	}
	name, email, err = contact.Requester(name, email)
	if err != nil {
		return err
	}
	_, _, ok, err := s.Store.EnsureRequester(ctx, PortalActor, name, email)
	if err != nil || !ok {
		return err
	}
	return s.Forgot(ctx, email)
}
