package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

// companyDeleteConfirm asks to confirm a company's deletion, saying what
// happens to its contacts.
func (s *Server) companyDeleteConfirm(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	co, err := s.companies.Get(c.UserContext(), id)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "companies/delete", "", companyPage{Base: base(c, "Delete "+co.Name, "companies"), Company: co})
}

// companyDelete deletes a company; its contacts stay.
func (s *Server) companyDelete(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return redirect(c, fmt.Sprintf("/companies/%d/delete", id))
	}
	if err := s.companies.Delete(c.UserContext(), actor(c), id); err != nil {
		return err
	}
	flash(c, "Company deleted. Its contacts were kept.")
	return redirect(c, "/companies")
}
