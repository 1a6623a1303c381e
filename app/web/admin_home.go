package web

import "github.com/gofiber/fiber/v2"

// adminHome is /admin, which the README and bookmarks name: it opens
// the first admin page.
func (s *Server) adminHome(c *fiber.Ctx) error {
	return c.Redirect("/admin/mailbox", fiber.StatusSeeOther)
}
