package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/mail"
)

// emailServerSave stores the SMTP settings, or forgets them when the
// admin turns sending off; delivery uses them from its next run.
func (s *Server) emailServerSave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	if c.FormValue("action") == "clear" {
		if err := s.servers.Clear(ctx, actor(c)); err != nil {
			return err
		}
		flash(c, "SMTP settings removed. Emails are kept in the mailbox unless PORTICO_SMTP_URL is set.")
		return redirect(c, "/admin/email")
	}
	in := mail.SMTPInput{Host: c.FormValue("host"), Port: c.FormValue("port"), TLS: c.FormValue("tls"),
		Username: c.FormValue("username"), Password: c.FormValue("password"), ClearPassword: c.FormValue("clear_password") == "on"}
	err := s.servers.Save(ctx, actor(c), in)
	if fields, ok := fieldErrors(err); ok {
		p, perr := s.emailServerPage(c)
		if perr != nil {
			return perr
		}
		in.Password, p.Form, p.Errors = "", in, fields
		return render(c, fiber.StatusUnprocessableEntity, "admin/email", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "SMTP settings saved. Send a test email to check them.")
	return redirect(c, "/admin/email#test")
}
