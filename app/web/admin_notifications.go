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
	on, err := s.store.ActivationAuto(c.UserContext())
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/notifications", "", notificationsPage{Base: base(c, "Email notifications", "notifications"), ActivationAuto: on})
}

// notificationsSave turns the automatic activation email on or off.
func (s *Server) notificationsSave(c *fiber.Ctx) error {
	on := c.FormValue("activation_auto") == "on"
	if err := s.store.SetActivationAuto(c.UserContext(), actor(c), on); err != nil {
		return err
	}
	msg := "New contacts are no longer sent the activation email."
	if on {
		msg = "Every new contact with an email address is now sent the activation email."
	}
	flash(c, msg)
	return redirect(c, "/admin/notifications")
}
