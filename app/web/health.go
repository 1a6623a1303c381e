package web

import "github.com/gofiber/fiber/v2"

// health answers load balancers: 200 when the database answers.
func (s *Server) health(c *fiber.Ctx) error {
	if err := s.store.Ping(c.UserContext()); err != nil {
		s.log.Error("health check failed", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"status": "unavailable"})
	}
	return c.JSON(fiber.Map{"status": "ok"})
}

// home sends a signed-in agent to the contacts list.
func (s *Server) home(c *fiber.Ctx) error { return c.Redirect("/contacts", fiber.StatusSeeOther) }
