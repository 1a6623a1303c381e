package web

import "github.com/gofiber/fiber/v2"

// webhookRoutes maps Admin > Webhooks; ad already requires an admin.
// An endpoint's page is /admin/webhooks/{id}, which the email telling
// admins that an endpoint was disabled links to.
func (s *Server) webhookRoutes(ad fiber.Router) {
	ad.Get("/webhooks", s.webhookList)
	ad.Get("/webhooks/new", s.webhookNew)
	ad.Post("/webhooks", s.webhookCreate)
	ad.Get("/webhooks/reference", s.webhookReference)
	ad.Get("/webhooks/:id", s.webhookShow)
	ad.Get("/webhooks/:id/edit", s.webhookEdit)
	ad.Post("/webhooks/:id", s.webhookUpdate)
	ad.Post("/webhooks/:id/enabled", s.webhookEnabled)
	ad.Get("/webhooks/:id/delete", s.webhookDeleteConfirm)
	ad.Post("/webhooks/:id/delete", s.webhookDelete)
	ad.Get("/webhooks/:id/rotate", s.webhookRotateConfirm)
	ad.Post("/webhooks/:id/rotate", s.webhookRotate)
	ad.Post("/webhooks/:id/test", s.webhookTestSend)
	ad.Post("/webhooks/:id/deliveries/:delivery/resend", s.webhookResend)
	ad.Get("/webhooks/:id/resend-failed", s.webhookResendFailedConfirm)
	ad.Post("/webhooks/:id/resend-failed", s.webhookResendFailed)
}
