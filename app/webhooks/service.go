package webhooks

import (
	"context"
	"errors"
	"net/netip"
	"time"

	"code.dny.dev/ssrf"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Service holds what the admin pages do with endpoints and deliveries.
type Service struct {
	Store *store.Store
	guard *ssrf.Guardian
}

// NewService returns a service that refuses endpoint URLs outside the
// allowed networks, as the worker would when connecting.
func NewService(st *store.Store, allow []netip.Prefix) *Service {
	return &Service{Store: st, guard: Guard(allow)}
}

// CreateEndpoint adds an endpoint and returns it with its signing
// secret, which is shown this once: later reads leave it out.
func (s *Service) CreateEndpoint(ctx context.Context, in EndpointInput) (*model.WebhookEndpoint, string, error) {
	ep, err := in.validate(s.guard.SafeAddr)
	if err != nil {
		return nil, "", err
	}
	ep.Secret = NewSecret()
	id, err := s.Store.CreateWebhookEndpoint(ctx, ep)
	if err != nil {
		return nil, "", err
	}
	out, err := s.Endpoint(ctx, id)
	return out, ep.Secret, err
}

// UpdateEndpoint replaces an endpoint's settings; enabling a disabled
// endpoint clears why it was disabled. A custom header given without a
// value keeps its current value, which the edit form never shows.
func (s *Service) UpdateEndpoint(ctx context.Context, id int64, in EndpointInput) error {
	ep, err := in.validate(s.guard.SafeAddr)
	if err != nil {
		return err
	}
	current, err := s.Store.WebhookEndpoint(ctx, id)
	if err != nil {
		return err
	}
	keepValues(ep.Headers, current.Headers)
	ep.ID = id
	return s.Store.UpdateWebhookEndpoint(ctx, ep)
}

// RotateSecret gives an endpoint a new secret and returns it, shown once.
// The old secret keeps signing too for SecretRotationGrace.
func (s *Service) RotateSecret(ctx context.Context, id int64) (string, error) {
	secret := NewSecret()
	return secret, s.Store.RotateWebhookSecret(ctx, id, secret, SecretRotationGrace)
}

// DeleteEndpoint removes an endpoint with its delivery log.
func (s *Service) DeleteEndpoint(ctx context.Context, id int64) error {
	return s.Store.DeleteWebhookEndpoint(ctx, id)
}

// Endpoint returns one endpoint without its secrets.
func (s *Service) Endpoint(ctx context.Context, id int64) (*model.WebhookEndpoint, error) {
	ep, err := s.Store.WebhookEndpoint(ctx, id)
	if err != nil {
		return nil, err
	}
	ep.Secret, ep.PreviousSecret = "", ""
	return ep, nil
}

// ListEndpoints returns every endpoint without its secrets.
func (s *Service) ListEndpoints(ctx context.Context) ([]model.WebhookEndpoint, error) {
	eps, err := s.Store.WebhookEndpoints(ctx, false)
	for i := range eps {
		eps[i].Secret, eps[i].PreviousSecret = "", ""
	}
	return eps, err
}

// DeliveryLog returns a page of an endpoint's deliveries, newest first,
// filtered by outcome and event type.
func (s *Service) DeliveryLog(ctx context.Context, q model.DeliveryQuery) (*model.DeliveryPage, error) {
	if q.State != "" && q.State != model.DeliveryPending && q.State != model.DeliverySending &&
		q.State != model.DeliveryDelivered && q.State != model.DeliveryFailed {
		return nil, model.Invalid("state", "Choose pending, sending, delivered or failed.")
	}
	if _, err := s.Store.WebhookEndpoint(ctx, q.EndpointID); err != nil {
		return nil, err
	}
	return s.Store.WebhookDeliveries(ctx, q)
}

// Delivery returns one delivery of an endpoint with every attempt.
func (s *Service) Delivery(ctx context.Context, endpointID, id int64) (*model.WebhookDelivery, []model.WebhookAttempt, error) {
	d, err := s.Store.WebhookDelivery(ctx, endpointID, id)
	if err != nil {
		return nil, nil, err
	}
	as, err := s.Store.WebhookAttempts(ctx, id)
	return d, as, err
}

// ErrInFlight refuses to resend a delivery that is being sent right now:
// its own attempt's result is about to be logged.
var ErrInFlight = errors.New("webhooks: the delivery is being sent right now")

// Resend sends a delivery of an endpoint again now, with the same
// webhook-id, so a receiver that got it already can drop it, and
// returns it; one being sent is ErrInFlight and stays as it is.
func (s *Service) Resend(ctx context.Context, endpointID, deliveryID int64) (*model.WebhookDelivery, error) {
	d, err := s.Store.WebhookDelivery(ctx, endpointID, deliveryID)
	if err != nil {
		return nil, err
	}
	if d.State == model.DeliverySending {
		return d, ErrInFlight
	}
	return d, s.Store.ResendWebhookDelivery(ctx, endpointID, deliveryID)
}

// ResendFailedSince sends again every failed delivery of an endpoint
// created since the given time, and returns how many.
func (s *Service) ResendFailedSince(ctx context.Context, endpointID int64, since time.Time) (int64, error) {
	if _, err := s.Store.WebhookEndpoint(ctx, endpointID); err != nil {
		return 0, err
	}
	return s.Store.ResendFailedWebhooks(ctx, endpointID, since)
}

// SendTestEvent sends a webhook.test event to one endpoint and returns
// its delivery's id, to follow in the log.
func (s *Service) SendTestEvent(ctx context.Context, endpointID int64) (int64, error) {
	ep, err := s.Store.WebhookEndpoint(ctx, endpointID)
	if err != nil {
		return 0, err
	}
	if !ep.Enabled {
		return 0, model.Invalid("endpoint", "This endpoint is disabled. Enable it to send a test event.")
	}
	return s.Store.SendWebhookTest(ctx, endpointID, events.Test{
		EndpointID: endpointID, Message: "This is a test webhook from Portico.",
	})
}
