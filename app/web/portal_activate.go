package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
)

// linkPage is the page a link opens: who it is for, and the password form.
type linkPage struct {
	portalBase
	Link  *model.Link
	Token string
	// Why is set on the page of a link that no longer works.
	Why string
}

// activateShow opens an activation link.
func (s *Server) activateShow(c *fiber.Ctx) error {
	return s.linkShow(c, model.LinkActivation)
}

// resetShow opens a password reset link.
func (s *Server) resetShow(c *fiber.Ctx) error {
	return s.linkShow(c, model.LinkPasswordReset)
}

func (s *Server) linkShow(c *fiber.Ctx, purpose model.LinkPurpose) error {
	token := c.Params("token")
	l, err := s.activation.Lookup(c.UserContext(), token, purpose)
	if err != nil {
		return s.linkDead(c, err)
	}
	return s.renderLink(c, fiber.StatusOK, l, token, nil)
}

// activatePassword sets the password an activation page was given.
func (s *Server) activatePassword(c *fiber.Ctx) error {
	return s.linkPassword(c, model.LinkActivation)
}

// resetPassword sets the password a reset page was given.
func (s *Server) resetPassword(c *fiber.Ctx) error {
	return s.linkPassword(c, model.LinkPasswordReset)
}

// linkPassword sets the password a link's page was given, which finishes
// an activation or a reset, and signs the customer in. The link must be
// of the page's purpose.
func (s *Server) linkPassword(c *fiber.Ctx, purpose model.LinkPurpose) error {
	token := c.Params("token")
	id, err := s.activation.SetPassword(c.UserContext(), token, purpose, c.FormValue("password"))
	if fields, ok := fieldErrors(err); ok {
		l, lerr := s.activation.Lookup(c.UserContext(), token, purpose)
		if lerr != nil {
			return s.linkDead(c, lerr)
		}
		return s.renderLink(c, fiber.StatusUnprocessableEntity, l, token, fields)
	}
	if err != nil {
		return s.linkDead(c, err)
	}
	flash(c, "Your password is set. Welcome!")
	return s.portalSignIn(c, id, "/portal")
}

func (s *Server) renderLink(c *fiber.Ctx, status int, l *model.Link, token string, errs map[string]string) error {
	title := "Activate your account"
	if l.Purpose == model.LinkPasswordReset {
		title = "Choose a new password"
	}
	b, err := s.portalBaseOf(c, title)
	if err != nil {
		return err
	}
	b.Errors = errs
	return render(c, status, "portal/link", "", linkPage{portalBase: b, Link: l, Token: token})
}

// linkDead explains why a link no longer works and offers a new one; any
// other error goes to the error handler.
func (s *Server) linkDead(c *fiber.Ctx, err error) error {
	if !activation.Dead(err) {
		return err
	}
	if errors.Is(err, model.ErrLinkAccountClosed) {
		return s.renderPortal(c, fiber.StatusGone, "portal/link_closed", "This account can’t be activated", nil, nil)
	}
	b, berr := s.portalBaseOf(c, "This link no longer works")
	if berr != nil {
		return berr
	}
	return render(c, fiber.StatusGone, "portal/link_dead", "", linkPage{portalBase: b, Why: whyDead(err)})
}

// endedWhy says, for each change that ends links early, why a link of
// the account stopped working.
var endedWhy = map[model.LinkEnd]string{
	model.LinkEndAddressRemoved:  "The address this link was sent to was removed from the account since, which ended it.",
	model.LinkEndPasswordChanged: "The account’s password was changed since this link was sent, which ended it.",
	model.LinkEndSignedOut:       "The account was signed out everywhere since this link was sent, which ended it.",
	model.LinkEndAccountClosed:   "The account was blocked or deleted since this link was sent, which ended it.",
}

// whyDead says why a link no longer works, as its page tells it.
func whyDead(err error) string {
	var ended *model.LinkEndedError
	switch {
	case errors.Is(err, model.ErrLinkUsed):
		return "This link was already used: each link works once."
	case errors.Is(err, model.ErrLinkExpired):
		return "This link has expired."
	case errors.Is(err, model.ErrLinkSuperseded):
		return "A newer link was sent since this one, and only the newest works."
	case errors.As(err, &ended) && endedWhy[ended.Why] != "":
		return endedWhy[ended.Why]
	}
	return "This link is not one we sent, or it was not copied whole."
}
