package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/webhooks"
)

// showNewSecret puts a secret waiting for this admin on the endpoint's
// page; the page is then never cached, so the back button or a shared
// computer does not bring the secret back. A partial update of the log
// leaves the secret waiting for the full page.
func (s *Server) showNewSecret(c *fiber.Ctx, p *webhookPage) {
	if isPartial(c) {
		return
	}
	if sec, ok := s.secrets.take(c, p.Endpoint.ID); ok {
		p.Secret = sec
		c.Set(fiber.HeaderCacheControl, "no-store")
	}
}

// Grace is how long the old secret keeps signing after a rotation.
func (webhookPage) Grace() string {
	return fmt.Sprintf("%.0f hours", webhooks.SecretRotationGrace.Hours())
}

// webhookRotateConfirm explains what rotating the secret does.
func (s *Server) webhookRotateConfirm(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "webhooks/rotate", "", webhookPage{Base: base(c, "Rotate the secret", "webhooks"), Endpoint: ep})
}

// webhookRotate gives the endpoint a new secret, which its page then
// shows once; the old one keeps signing for webhooks.SecretRotationGrace.
func (s *Server) webhookRotate(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return redirect(c, endpointURL(ep.ID)+"/rotate")
	}
	secret, err := s.webhooks.RotateSecret(c.UserContext(), ep.ID)
	if err != nil {
		return err
	}
	s.secrets.put(c, ep.ID, secret, false)
	return redirect(c, endpointURL(ep.ID))
}
