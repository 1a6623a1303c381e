package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/mail"
)

// emailTemplatesPage lists the emails Portico sends, each with whether
// an admin changed it.
type emailTemplatesPage struct {
	Base
	Templates []mail.Template
}

// emailTemplateList shows every email template.
func (s *Server) emailTemplateList(c *fiber.Ctx) error {
	ts, err := s.mailTpls.List(c.UserContext())
	if err != nil {
		return err
	}
	p := emailTemplatesPage{Base: base(c, "Email templates", "email-templates"), Templates: ts}
	return render(c, fiber.StatusOK, "admin/email_templates", "", p)
}

// emailTemplatePage edits one template; Preview holds it rendered with
// sample data once asked for.
type emailTemplatePage struct {
	Base
	Template     mail.Template
	Placeholders []string
	Preview      *mail.Rendered
	PreviewURL   string
}

// editorPage starts the editor's page data for a template.
func editorPage(c *fiber.Ctx, t mail.Template) emailTemplatePage {
	return emailTemplatePage{Base: base(c, t.Name, "email-templates"), Template: t, Placeholders: mail.Placeholders}
}

// formTemplate reads the editor's fields over the stored template.
func formTemplate(c *fiber.Ctx, t mail.Template) mail.Template {
	t.Subject, t.HTML, t.Text = c.FormValue("subject"), c.FormValue("html"), c.FormValue("text")
	return t
}
