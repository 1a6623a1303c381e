package web

import "github.com/gofiber/fiber/v2"

// notificationsSave turns the automatic activation email on or off.
func (s *Server) notificationsSave(c *fiber.Ctx) error {
	on := c.FormValue("activation_auto") == "on"
	if err := s.activation.SetAuto(c.UserContext(), actor(c), on); err != nil {
		return err
	}
	msg := "New contacts are no longer sent the activation email."
	if on {
		msg = "Every new contact with an email address is now sent the activation email."
	}
	flash(c, msg)
	return redirect(c, "/admin/notifications")
}
