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
	m, err := s.servers.Stored(c.UserContext())
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
