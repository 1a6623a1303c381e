package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/mail"
)

// emailTemplateEdit shows the editor of one template.
func (s *Server) emailTemplateEdit(c *fiber.Ctx) error {
	t, err := s.mailTpls.Get(c.UserContext(), c.Params("key"))
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/email_template", "", editorPage(c, t))
}

// emailTemplateSave stores an admin's edit. A template that does not
// parse or render comes back with the reason beside the field.
func (s *Server) emailTemplateSave(c *fiber.Ctx) error {
	stored, err := s.mailTpls.Get(c.UserContext(), c.Params("key"))
	if err != nil {
		return err
	}
	t := formTemplate(c, stored)
	err = s.mailTpls.Save(c.UserContext(), actor(c), t)
	if fields, ok := fieldErrors(err); ok {
		p := editorPage(c, t)
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "admin/email_template", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Saved “"+t.Name+"”. Emails queued from now on use it.")
	return redirect(c, "/admin/email-templates/"+t.Key)
}

// emailTemplateReset goes back to the built-in version.
func (s *Server) emailTemplateReset(c *fiber.Ctx) error {
	t, err := mail.Default(c.Params("key"))
	if err != nil {
		return err
	}
	if err := s.mailTpls.Reset(c.UserContext(), t.Key); err != nil {
		return err
	}
	flash(c, "“"+t.Name+"” is back to the built-in version.")
	return redirect(c, "/admin/email-templates/"+t.Key)
}
