package web

import (
	"github.com/gofiber/fiber/v2"
)

// webhookDeleteConfirm asks before an endpoint and its log go.
func (s *Server) webhookDeleteConfirm(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "webhooks/delete", "", webhookPage{Base: base(c, "Delete "+ep.URL, "webhooks"), Endpoint: ep})
}

// webhookDelete removes an endpoint with its deliveries and their log.
func (s *Server) webhookDelete(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return redirect(c, endpointURL(ep.ID)+"/delete")
	}
	if err := s.webhooks.DeleteEndpoint(c.UserContext(), ep.ID); err != nil {
		return err
	}
	flash(c, "Endpoint deleted. Nothing more is sent to "+ep.URL+".")
	return redirect(c, "/admin/webhooks")
}
