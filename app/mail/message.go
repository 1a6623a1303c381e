package mail

import (
	"fmt"

	gomail "github.com/wneessen/go-mail"

	"github.com/portico-hub/portico/app/model"
)

// message builds the MIME message of an outbox email: a plain-text part
// and, when there is one, an HTML alternative, under the Message-ID
// fixed when the email was queued.
func (d *Deliverer) message(m model.Mail) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.FromFormat(d.From.Name, d.From.Address); err != nil {
		return nil, fmt.Errorf("the sender address %q is not valid: %w", d.From.Address, err)
	}
	if err := msg.AddToFormat(m.ToName, m.To); err != nil {
		return nil, fmt.Errorf("the address %q is not valid: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDateWithValue(m.CreatedAt)
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}
