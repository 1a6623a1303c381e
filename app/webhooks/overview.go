package webhooks

import (
	"context"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Overview is an endpoint as the endpoint list shows it: its settings
// and its newest delivery, if it has one.
type Overview struct {
	model.WebhookEndpoint
	Latest *model.WebhookDelivery
}

// Overviews lists every endpoint, without secrets, with its newest
// delivery.
func (s *Service) Overviews(ctx context.Context) ([]Overview, error) {
	eps, err := s.ListEndpoints(ctx)
	if err != nil {
		return nil, err
	}
	latest, err := s.Store.LatestWebhookDeliveries(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Overview, len(eps))
	for i, ep := range eps {
		out[i].WebhookEndpoint = ep
		if d, ok := latest[ep.ID]; ok {
			out[i].Latest = &d
		}
	}
	return out, nil
}

// LogEntry is a delivery with every attempt made of it, oldest first.
type LogEntry struct {
	model.WebhookDelivery
	History []model.WebhookAttempt
}

// DeliveryLogWithAttempts is DeliveryLog with each delivery's attempts,
// read in one query for the page.
func (s *Service) DeliveryLogWithAttempts(ctx context.Context, q model.DeliveryQuery) ([]LogEntry, int64, error) {
	page, err := s.DeliveryLog(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(page.Deliveries))
	for i, d := range page.Deliveries {
		ids[i] = d.ID
	}
	attempts, err := s.Store.WebhookAttemptsOf(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	out := make([]LogEntry, len(page.Deliveries))
	for i, d := range page.Deliveries {
		out[i] = LogEntry{WebhookDelivery: d, History: attempts[d.ID]}
	}
	return out, page.Next, nil
}

// CountFailedSince counts what ResendFailedSince would send again, for
// its confirmation.
func (s *Service) CountFailedSince(ctx context.Context, endpointID int64, since time.Time) (int64, error) {
	if _, err := s.Store.WebhookEndpoint(ctx, endpointID); err != nil {
		return 0, err
	}
	return s.Store.CountFailedWebhooks(ctx, endpointID, since)
}

// SetEnabled turns an endpoint on or off and keeps its other settings;
// its headers go by name only, so UpdateEndpoint keeps their values.
func (s *Service) SetEnabled(ctx context.Context, id int64, on bool) error {
	ep, err := s.Store.WebhookEndpoint(ctx, id)
	if err != nil {
		return err
	}
	in := EndpointInput{URL: ep.URL, Description: ep.Description, EventTypes: ep.EventTypes, Enabled: on, Headers: HeadersText(ep.Headers)}
	return s.UpdateEndpoint(ctx, id, in)
}
