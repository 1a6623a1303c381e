package web

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// sinceLayout is how "resend all failed since" reads and writes its time:
// a datetime-local field, in UTC.
const sinceLayout = "2006-01-02T15:04"

// webhookResendPage confirms resending an endpoint's failed deliveries.
type webhookResendPage struct {
	Base
	Endpoint *model.WebhookEndpoint
	Since    time.Time
	Count    int
}

// webhookResend sends one delivery of this endpoint again, now.
func (s *Server) webhookResend(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	id, err := paramID(c, "delivery")
	if err != nil {
		return err
	}
	d, err := s.webhooks.Resend(c.UserContext(), ep.ID, id)
	switch {
	case errors.Is(err, webhooks.ErrInFlight):
		flash(c, "This delivery is being sent right now; its result appears in the log shortly.")
	case err != nil:
		return s.deliveryGone(err)
	default:
		flash(c, fmt.Sprintf("Delivery of %s queued again, with the same webhook-id.", d.EventType))
	}
	return redirect(c, endpointURL(ep.ID))
}

// deliveryGone explains a delivery that is not in the log: most likely
// it finished longer ago than the retention and was deleted, with its
// event, by the hourly prune, after the page offering Resend was shown.
func (s *Server) deliveryGone(err error) error {
	if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	return fiber.NewError(fiber.StatusNotFound, fmt.Sprintf("This delivery is no longer in the log: finished deliveries are kept for %s, then deleted with their events, so it cannot be sent again.",
		keptFor(s.cfg.EventRetention)))
}

// webhookResendFailedConfirm says how many failed deliveries would go again.
func (s *Server) webhookResendFailedConfirm(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	since, err := time.Parse(sinceLayout, c.Query("since"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "Choose the date and time from which to resend failed deliveries.")
	}
	n, err := s.webhooks.CountFailedSince(c.UserContext(), ep.ID, since)
	if err != nil {
		return err
	}
	p := webhookResendPage{Base: base(c, "Resend failed deliveries", "webhooks"), Endpoint: ep, Since: since, Count: int(n)}
	return render(c, fiber.StatusOK, "webhooks/resend_failed", "", p)
}

// webhookResendFailed sends again every failed delivery since the time
// confirmed.
func (s *Server) webhookResendFailed(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	since, err := time.Parse(sinceLayout, c.FormValue("since"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "Choose the date and time from which to resend failed deliveries.")
	}
	n, err := s.webhooks.ResendFailedSince(c.UserContext(), ep.ID, since)
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("%s failed deliveries queued again.", number(int(n))))
	return redirect(c, endpointURL(ep.ID))
}
