package web

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// contactNew shows the new-contact form; from a company's page it
// creates the contact at that company.
func (s *Server) contactNew(c *fiber.Ctx) error {
	p := contactPage{Base: base(c, "New contact", "contacts")}
	p.Form.CompanyID, _ = strconv.ParseInt(c.Query("company"), 10, 64)
	if err := s.formCompany(c, &p); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "contacts/new", "", p)
}

// contactCreate creates a contact and opens it, or, when it was created
// at a company, goes back to the company.
func (s *Server) contactCreate(c *fiber.Ctx) error {
	in := contactForm(c)
	in.Emails = append([]string{c.FormValue("email")}, strings.FieldsFunc(c.FormValue("other_emails"), func(r rune) bool {
		return r == '\n' || r == ',' || r == ';' || r == ' ' || r == '\r'
	})...)
	in.CompanyID, _ = strconv.ParseInt(c.FormValue("company"), 10, 64)
	id, err := s.contacts.Create(c.UserContext(), actor(c), in)
	if fields, ok := fieldErrors(err); ok {
		p := contactPage{Base: base(c, "New contact", "contacts"), Form: in}
		p.Errors = fields
		if err := s.formCompany(c, &p); err != nil {
			return err
		}
		return render(c, fiber.StatusUnprocessableEntity, "contacts/new", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, s.autoActivate(c, id, "Contact created."))
	if in.CompanyID != 0 {
		return redirect(c, fmt.Sprintf("/companies/%d#company-contacts", in.CompanyID))
	}
	return redirect(c, fmt.Sprintf("/contacts/%d", id))
}

// formCompany loads the company a new contact is created at, if any; a
// company that no longer exists is left out of the form.
func (s *Server) formCompany(c *fiber.Ctx, p *contactPage) error {
	if p.Form.CompanyID <= 0 {
		p.Form.CompanyID = 0
		return nil
	}
	co, err := s.companies.Get(c.UserContext(), p.Form.CompanyID)
	if errors.Is(err, model.ErrNotFound) {
		p.Form.CompanyID = 0
		return nil
	}
	p.Company = co
	return err
}

// autoActivate sends a new contact the activation email when Admin >
// Notifications says so, and returns msg with what happened. The
// contact exists by now, so a failure to queue the email is reported,
// not turned into a failed create.
func (s *Server) autoActivate(c *fiber.Ctx, id int64, msg string) string {
	sent, err := s.activation.SendAuto(c.UserContext(), actor(c), id)
	switch {
	case err != nil:
		s.log.Error("automatic activation email", "id", requestID(c), "contact", id, "err", err)
		return msg + " The activation email could not be sent; send it from the contact's page."
	case sent:
		return msg + " The activation email was sent."
	}
	return msg
}
