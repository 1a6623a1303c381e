package web

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/model"
)

// companyForm reads a company form.
func companyForm(c *fiber.Ctx) company.Input {
	return company.Input{
		Name: c.FormValue("name"), Domains: c.FormValue("domains"), Description: c.FormValue("description"),
		Notes: c.FormValue("notes"), HealthScore: c.FormValue("health_score"), AccountTier: c.FormValue("account_tier"),
		RenewalDate: c.FormValue("renewal_date"), Industry: c.FormValue("industry"),
	}
}

// companyFieldErrors is fieldErrors that also explains a taken name,
// linking to the company that has it.
func companyFieldErrors(err error) (map[string]string, bool) {
	var taken *model.CompanyTakenError
	if errors.As(err, &taken) {
		return map[string]string{
			"name":      "A company with this name already exists.",
			"name_link": fmt.Sprintf("/companies/%d", taken.ID),
		}, true
	}
	return fieldErrors(err)
}

// companyNew shows the new-company form.
func (s *Server) companyNew(c *fiber.Ctx) error {
	return render(c, fiber.StatusOK, "companies/new", "", companyPage{Base: base(c, "New company", "companies")})
}

// companyCreate creates a company and opens it.
func (s *Server) companyCreate(c *fiber.Ctx) error {
	in := companyForm(c)
	id, err := s.companies.Create(c.UserContext(), actor(c), in)
	if fields, ok := companyFieldErrors(err); ok {
		p := companyPage{Base: base(c, "New company", "companies"), Form: in}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "companies/new", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Company created.")
	return redirect(c, fmt.Sprintf("/companies/%d", id))
}
