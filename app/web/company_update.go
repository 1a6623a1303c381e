package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

// companyEdit swaps the details section for its form; without HTMX it
// shows the page with the form in place.
func (s *Server) companyEdit(c *fiber.Ctx) error {
	return s.renderCompany(c, fiber.StatusOK, "companies/_details_form", func(p *companyPage) {
		p.Editing, p.Form = true, companyInput(p.Company)
	})
}

// companyUpdate saves the details and swaps the section back to its view.
func (s *Server) companyUpdate(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	in := companyForm(c)
	err = s.companies.Update(c.UserContext(), actor(c), id, in)
	if fields, ok := companyFieldErrors(err); ok {
		return s.renderCompany(c, fiber.StatusUnprocessableEntity, "companies/_details_form", func(p *companyPage) {
			p.Editing, p.Form, p.Errors = true, in, fields
		})
	}
	if err != nil {
		return err
	}
	flash(c, "Company saved.")
	if !isPartial(c) {
		return redirect(c, fmt.Sprintf("/companies/%d", id))
	}
	return s.renderCompany(c, fiber.StatusOK, "companies/_details", nil)
}
