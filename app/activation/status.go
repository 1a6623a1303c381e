package activation

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// LinkStatus returns the newest link sent to a contact, or ErrNotFound
// when none was.
func (s *Service) LinkStatus(ctx context.Context, contactID int64) (*model.LinkStatus, error) {
	return s.Store.LinkStatus(ctx, contactID)
}
