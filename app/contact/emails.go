package contact

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// PromoteEmail makes a contact's secondary address the primary one, in
// place, with an audit entry.
func (s *Service) PromoteEmail(ctx context.Context, by model.Actor, id, emailID int64) error {
	return s.Store.PromoteEmail(ctx, by, id, emailID)
}

// RemoveEmail removes a contact's secondary address, with an audit
// entry, and ends the links sent to it. The primary stays while others
// exist: promote another first.
func (s *Service) RemoveEmail(ctx context.Context, by model.Actor, id, emailID int64) error {
	return s.Store.RemoveEmail(ctx, by, id, emailID)
}
