package web

import (
	"github.com/gofiber/fiber/v2"
)

// portalErrorPage is the data of an error page under /portal: customers
// see it in the portal's layout, with its name and a way back to it,
// never the agents' pages.
type portalErrorPage struct {
	portalBase
	Status  int
	Message string
	Details []string
}

// renderErrorPage renders the error page a request's path calls for.
func (s *Server) renderErrorPage(c *fiber.Ctx, status int, msg string, details []string) error {
	if !isPortal(c) {
		p := errorPage{Base: base(c, msg, ""), Status: status, Message: msg, Details: details}
		return c.Status(status).Render("errors/error", p, "layouts/bare")
	}
	b, err := s.portalBaseOf(c, msg)
	if err != nil {
		// The settings could not be read (the error may be that very
		// failure): the page still shows, with the default name.
		b = portalBase{Title: msg, PortalName: "Portico", CSRF: csrfOf(c), Customer: currentCustomer(c)}
	}
	p := portalErrorPage{portalBase: b, Status: status, Message: msg, Details: details}
	return c.Status(status).Render("errors/portal", p, "layouts/portal")
}
