package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// portalSignUpPage is the sign-up form as typed.
type portalSignUpPage struct {
	portalBase
	Name, Email string
}

// portalSignUpShow shows the sign-up form when Admin > Portal settings
// allows sign-up; otherwise the page does not exist.
func (s *Server) portalSignUpShow(c *fiber.Ctx) error {
	if currentCustomer(c) != nil {
		return c.Redirect("/portal", fiber.StatusSeeOther)
	}
	return s.renderSignUp(c, fiber.StatusOK, "", "", nil)
}

func (s *Server) renderSignUp(c *fiber.Ctx, status int, name, email string, errs map[string]string) error {
	b, err := s.portalBaseOf(c, "Sign up")
	if err != nil {
		return err
	}
	if !b.SignUp {
		return errNoSuchPage
	}
	b.Errors = errs
	return render(c, status, "portal/signup", "", portalSignUpPage{portalBase: b, Name: name, Email: email})
}

// portalSignUp creates an unverified contact and emails the activation
// link. A known address is answered the same way, so sign-up tells
// nobody which addresses have accounts.
func (s *Server) portalSignUp(c *fiber.Ctx) error {
	name, email := c.FormValue("name"), strings.TrimSpace(c.FormValue("email"))
	err := s.activation.SignUp(c.UserContext(), name, email)
	if fields, ok := fieldErrors(err); ok {
		return s.renderSignUp(c, fiber.StatusUnprocessableEntity, name, email, fields)
	}
	switch {
	case errors.Is(err, model.ErrNotFound):
		return errNoSuchPage
	case err != nil:
		return err
	}
	return s.renderPortal(c, fiber.StatusOK, "portal/signup_sent", "Check your email",
		func(p *portalPage) { p.Email = email }, nil)
}

// signUpLimited answers a visitor over the limit with the form as typed.
func (s *Server) signUpLimited(c *fiber.Ctx) error {
	return s.renderSignUp(c, fiber.StatusTooManyRequests, c.FormValue("name"), c.FormValue("email"),
		map[string]string{"form": tooMany})
}
