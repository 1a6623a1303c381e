package web

import (
	"github.com/gofiber/fiber/v2"
)

// notificationsPage is Admin > Email notifications.
type notificationsPage struct {
	Base
	ActivationAuto bool
}

// notificationsShow shows the requester notification switches.
func (s *Server) notificationsShow(c *fiber.Ctx) error {
	on, err := s.activation.Auto(c.UserContext())
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/notifications", "", notificationsPage{Base: base(c, "Email notifications", "notifications"), ActivationAuto: on})
}
