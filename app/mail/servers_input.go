package mail

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
)

// SMTPInput is the Admin > Email form as submitted. An empty Password
// keeps the stored one, unless ClearPassword.
type SMTPInput struct {
	Host, Port, TLS, Username, Password string
	ClearPassword                       bool
}

// Save checks and stores the server of Admin > Email.
func (s Servers) Save(ctx context.Context, actor model.Actor, in SMTPInput) error {
	m, err := in.settings()
	if err != nil {
		return err
	}
	old, err := s.Store.SMTPSettings(ctx)
	switch {
	case errors.Is(err, model.ErrNotFound):
	case err != nil:
		return err
	case in.Password == "" && !in.ClearPassword:
		m.Password = old.Password
	}
	if m.Password != "" && m.Username == "" {
		return model.Invalid("username", "Enter the user name that goes with the password, or clear the password.")
	}
	return s.Store.SetSMTPSettings(ctx, actor, m)
}

// settings checks the form's values; a blank port is the usual one for
// the security chosen.
func (in SMTPInput) settings() (model.SMTPSettings, error) {
	m := model.SMTPSettings{Host: strings.TrimSpace(in.Host), TLS: in.TLS, Username: strings.TrimSpace(in.Username), Password: in.Password}
	v := &model.ValidationError{}
	switch {
	case m.Host == "":
		v.Add("host", "Enter the SMTP server's host name, such as smtp.example.com.")
	case strings.ContainsAny(m.Host, " /:@") || utf8.RuneCountInString(m.Host) > 253:
		v.Add("host", "Enter the host name alone, such as smtp.example.com: no smtp://, port or user name.")
	}
	defaultPort := map[string]int{config.TLSStartTLS: 587, config.TLSImplicit: 465, config.TLSNone: 25}[m.TLS]
	if defaultPort == 0 {
		v.Add("tls", "Choose STARTTLS, TLS or none.")
	}
	m.Port = defaultPort
	if p := strings.TrimSpace(in.Port); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			v.Add("port", "Enter a port from 1 to 65535, such as 587.")
		} else {
			m.Port = n
		}
	}
	if len(m.Username) > 254 || len(m.Password) > 1024 {
		v.Add("username", "The user name or password is too long.")
	}
	return m, v.Err()
}
