package mail

import (
	"context"
	"errors"
	"fmt"
	netmail "net/mail"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Servers says which SMTP server email goes to: the environment's
// (PORTICO_SMTP_URL) when set, otherwise the one of Admin > Email; with
// neither, email stays in the built-in mailbox. Delivery asks at every
// run, so a change in Admin > Email takes effect without a restart.
type Servers struct {
	Store *store.Store
	Env   *config.SMTP
}

// Current returns the server in use, nil for none, and whether it is the
// environment's.
func (s Servers) Current(ctx context.Context) (*config.SMTP, bool, error) {
	if s.Env != nil {
		return s.Env, true, nil
	}
	m, err := s.Store.SMTPSettings(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return &config.SMTP{Host: m.Host, Port: m.Port, TLS: m.TLS, Username: m.Username, Password: m.Password}, false, nil
}

// SendTest sends a test email to the address at once, through the
// server in use, and returns the server's answer. Unlike every other
// email it skips the outbox: the admin waits for the answer.
func (s Servers) SendTest(ctx context.Context, from *netmail.Address, to string, timeout time.Duration) (string, error) {
	addr, err := netmail.ParseAddress(to)
	if err != nil {
		return "", model.Invalid("to", "Enter the address to send the test email to, such as you@example.com.")
	}
	srv, _, err := s.Current(ctx)
	if err != nil {
		return "", err
	}
	if srv == nil {
		return "", model.Invalid("to", "Set an SMTP server first: without one, email stays in the mailbox.")
	}
	msg := gomail.NewMsg()
	if err := msg.FromFormat(from.Name, from.Address); err != nil {
		return "", fmt.Errorf("the sender address %q is not valid: %w", from.Address, err)
	}
	if err := msg.To(addr.Address); err != nil {
		return "", model.Invalid("to", "Enter the address to send the test email to, such as you@example.com.")
	}
	msg.Subject("Test email from Portico")
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, "This is a test email from Portico. Its SMTP settings work: "+srv.Addr()+" accepted it.\n")
	c, err := dialSMTP(ctx, srv, timeout)
	if err != nil {
		return "", err
	}
	defer c.Close()
	if err := c.Send(msg); err != nil {
		return "", fmt.Errorf("%s did not take the message: %w", srv.Addr(), err)
	}
	return msg.ServerResponse(), nil
}
