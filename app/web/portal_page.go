package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalBase is the data every portal page shares. Portal pages use their
// own layout, with the portal's name and none of the agents' navigation.
type portalBase struct {
	Title      string
	PortalName string
	CSRF       string
	Flash      string
	Customer   *model.Customer
	Errors     map[string]string
	// Passkeys is false when the base URL rules passkeys out, and the
	// pages then offer none.
	Passkeys bool
	// Wide widens the portal's card, for pages with several sections.
	Wide bool
	// SignUp and AnyoneSubmits are Admin > Portal settings, which decide
	// what the portal offers visitors who are not signed in.
	SignUp        bool
	AnyoneSubmits bool
	// Nav is the header link of the page's section ("tickets", "profile"
	// or "login"), marked current, or not shown at all on the sign-in
	// page itself.
	Nav string
}

func (portalBase) layout() string { return "layouts/portal" }

// portalBaseOf builds the shared data of a portal page.
func (s *Server) portalBaseOf(c *fiber.Ctx, title string) (portalBase, error) {
	ps, err := s.portal.Settings(c.UserContext())
	if err != nil {
		return portalBase{}, err
	}
	b := base(c, title, "")
	return portalBase{Title: title, PortalName: ps.Name, CSRF: b.CSRF, Flash: b.Flash, Customer: currentCustomer(c),
		Passkeys: s.passkeys != nil, SignUp: ps.SignUp, AnyoneSubmits: ps.Anyone(), Nav: portalNav(c.Path())}, nil
}

// portalNav names the portal section a path belongs to.
func portalNav(path string) string {
	for _, nav := range []string{"tickets", "profile", "login"} {
		if p := "/portal/" + nav; path == p || strings.HasPrefix(path, p+"/") {
			return nav
		}
	}
	return ""
}

// portalPage is a portal page with a form: what was typed and the
// messages about it.
type portalPage struct {
	portalBase
	Email   string
	Next    string
	Message string
}

// renderPortal renders a portal page with a title, a status and, when
// errs is not nil, messages beside the form's fields.
func (s *Server) renderPortal(c *fiber.Ctx, status int, page, title string, fill func(*portalPage), errs map[string]string) error {
	b, err := s.portalBaseOf(c, title)
	if err != nil {
		return err
	}
	p := &portalPage{portalBase: b}
	p.Errors = errs
	if fill != nil {
		fill(p)
	}
	return render(c, status, page, "", p)
}
