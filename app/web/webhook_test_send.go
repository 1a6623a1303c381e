package web

import (
	"github.com/gofiber/fiber/v2"
)

// webhookTestSend sends a webhook.test event to this endpoint alone and
// comes back to its log, where the delivery shows up.
func (s *Server) webhookTestSend(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	_, err = s.webhooks.SendTestEvent(c.UserContext(), ep.ID)
	if fields, ok := fieldErrors(err); ok {
		flash(c, firstMessage(fields))
		return redirect(c, endpointURL(ep.ID))
	}
	if err != nil {
		return err
	}
	flash(c, "Test event sent. Its delivery is at the top of the log; reload to see how it went.")
	return redirect(c, endpointURL(ep.ID))
}
