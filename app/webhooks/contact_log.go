package webhooks

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// ContactDeliveries lists the newest deliveries of events about a
// contact, to every endpoint, for the contact's page.
func (s *Service) ContactDeliveries(ctx context.Context, contactID int64, limit int) ([]model.ContactDelivery, error) {
	return s.Store.ContactDeliveries(ctx, contactID, limit)
}
