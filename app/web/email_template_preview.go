package web

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
)

// emailTemplatePreview renders the template being edited with sample
// data, without saving it: the preview panel for HTMX, or the editor
// with the preview below it for a plain form post. The HTML part is
// kept as the admin's draft and framed from emailTemplatePreviewHTML.
func (s *Server) emailTemplatePreview(c *fiber.Ctx) error {
	stored, err := s.mailTpls.Get(c.UserContext(), c.Params("key"))
	if err != nil {
		return err
	}
	t := formTemplate(c, stored)
	p := editorPage(c, t)
	r, err := s.mailTpls.Preview(c.UserContext(), currentAgent(c).ID, t)
	status := fiber.StatusOK
	if fields, ok := fieldErrors(err); ok {
		p.Errors, status = fields, fiber.StatusUnprocessableEntity
	} else if err != nil {
		return err
	} else {
		p.Preview = &r
		p.PreviewURL = "/admin/email-templates/" + t.Key + "/preview/html?at=" + strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return render(c, status, "admin/email_template", "admin/_template_preview", p)
}

// emailTemplatePreviewHTML serves the HTML part of the admin's draft,
// filled in with sample data, sandboxed like an email in the mailbox.
func (s *Server) emailTemplatePreviewHTML(c *fiber.Ctx) error {
	r, err := s.mailTpls.Draft(c.UserContext(), currentAgent(c).ID, c.Params("key"))
	if err != nil {
		return err
	}
	return sendEmailHTML(c, r.HTML)
}
