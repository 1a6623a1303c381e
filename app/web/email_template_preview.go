package web

import "github.com/gofiber/fiber/v2"

// emailTemplatePreview renders the template being edited with sample
// data, without saving it: the preview panel for HTMX, or the editor
// with the preview below it for a plain form post.
func (s *Server) emailTemplatePreview(c *fiber.Ctx) error {
	stored, err := s.mailTpls.Get(c.UserContext(), c.Params("key"))
	if err != nil {
		return err
	}
	t := formTemplate(c, stored)
	p := editorPage(c, t)
	r, err := t.Validate()
	status := fiber.StatusOK
	if fields, ok := fieldErrors(err); ok {
		p.Errors, status = fields, fiber.StatusUnprocessableEntity
	} else if err != nil {
		return err
	} else {
		p.Preview = &r
	}
	return render(c, status, "admin/email_template", "admin/_template_preview", p)
}
