package web

import (
	"github.com/gofiber/fiber/v2"
)

// portalNotFound answers every /portal URL no route matched, before the
// agents' routes would send the visitor to the agents' sign-in.
func (s *Server) portalNotFound(*fiber.Ctx) error {
	return fiber.ErrNotFound
}

// portalLogoutShow answers a typed or bookmarked sign-out link, which
// cannot sign out by itself (that takes a POST): it asks, or goes home
// when nobody is signed in.
func (s *Server) portalLogoutShow(c *fiber.Ctx) error {
	if currentCustomer(c) == nil {
		return c.Redirect("/portal/login", fiber.StatusSeeOther)
	}
	return s.renderPortal(c, fiber.StatusOK, "portal/logout", "Sign out?", nil, nil)
}
