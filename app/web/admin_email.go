package web

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
)

// emailServerPage is Admin > Email: the SMTP server of the settings,
// and the environment's when it wins over them.
type emailServerPage struct {
	Base
	Form        mail.SMTPInput
	HasPassword bool
	// Set says the settings hold a server; Env is the environment's
	// server, which is used instead while PORTICO_SMTP_URL is set.
	Set bool
	Env *config.SMTP
	// To, Answer and Failure are the test email's address and outcome.
	To, Answer, Failure string
}

// mailServers resolves the SMTP server in use, at each call.
func (s *Server) mailServers() mail.Servers { return mail.Servers{Store: s.store, Env: s.cfg.SMTP} }

// emailServerShow shows the SMTP settings with the password left out.
func (s *Server) emailServerShow(c *fiber.Ctx) error {
	p, err := s.emailServerPage(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "admin/email", "", p)
}

// emailServerPage loads the stored settings into the form.
func (s *Server) emailServerPage(c *fiber.Ctx) (*emailServerPage, error) {
	p := &emailServerPage{Base: base(c, "Email server", "email"), Env: s.cfg.SMTP, To: currentAgent(c).Email,
		Form: mail.SMTPInput{TLS: config.TLSStartTLS}}
	m, err := s.store.SMTPSettings(c.UserContext())
	if errors.Is(err, model.ErrNotFound) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	p.Set, p.HasPassword = true, m.Password != ""
	p.Form = mail.SMTPInput{Host: m.Host, Port: strconv.Itoa(m.Port), TLS: m.TLS, Username: m.Username}
	return p, nil
}

// emailServerSave stores the SMTP settings, or forgets them when the
// admin turns sending off; delivery uses them from its next run.
func (s *Server) emailServerSave(c *fiber.Ctx) error {
	ctx := c.UserContext()
	if c.FormValue("action") == "clear" {
		if err := s.store.ClearSMTPSettings(ctx, actor(c)); err != nil {
			return err
		}
		flash(c, "SMTP settings removed. Emails are kept in the mailbox unless PORTICO_SMTP_URL is set.")
		return redirect(c, "/admin/email")
	}
	in := mail.SMTPInput{Host: c.FormValue("host"), Port: c.FormValue("port"), TLS: c.FormValue("tls"),
		Username: c.FormValue("username"), Password: c.FormValue("password"), ClearPassword: c.FormValue("clear_password") == "on"}
	err := s.mailServers().Save(ctx, actor(c), in)
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
