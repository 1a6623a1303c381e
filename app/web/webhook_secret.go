package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// webhookSecretPage shows a signing secret the one time it is shown.
type webhookSecretPage struct {
	Base
	Endpoint *model.WebhookEndpoint
	Secret   string
	// Created is true for a new endpoint, false after a rotation.
	Created bool
	Grace   string
}

// showSecret answers with the secret's page. It is never cached, so the
// back button or a shared computer does not bring it back.
func showSecret(c *fiber.Ctx, ep *model.WebhookEndpoint, secret string, created bool) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	title := "Secret of the new endpoint"
	if !created {
		title = "New signing secret"
	}
	p := webhookSecretPage{Base: base(c, title, "webhooks"), Endpoint: ep, Secret: secret, Created: created, Grace: fmt.Sprintf("%.0f hours", webhooks.SecretRotationGrace.Hours())}
	return render(c, fiber.StatusOK, "webhooks/secret", "", p)
}

// webhookRotateConfirm explains what rotating the secret does.
func (s *Server) webhookRotateConfirm(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "webhooks/rotate", "", webhookPage{Base: base(c, "Rotate the secret", "webhooks"), Endpoint: ep})
}

// webhookRotate gives the endpoint a new secret and shows it once; the
// old one keeps signing for webhooks.SecretRotationGrace.
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
	return showSecret(c, ep, secret, false)
}
