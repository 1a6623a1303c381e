package mail

import (
	"fmt"
	netmail "net/mail"

	gomail "github.com/wneessen/go-mail"

	"github.com/portico-hub/portico/app/model"
)

// message builds the MIME message of an outbox email: a plain-text part
// and, when there is one, an HTML alternative, under the Message-ID
// fixed when the email was queued.
func (d *Deliverer) message(m model.Mail) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	from, err := named(d.From.Name, d.From.Address)
	if err != nil {
		return nil, fmt.Errorf("the sender address %q is not valid: %w", d.From.Address, err)
	}
	to, err := named(m.ToName, m.To)
	if err != nil {
		return nil, fmt.Errorf("the address %q is not valid: %w", m.To, err)
	}
	msg.FromMailAddress(from)
	msg.ToMailAddress(to)
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

// named checks a bare address and gives it a display name. The name is
// not checked: anyone may choose theirs, quotes, backslashes, accents and
// all, and the header encodes it (quoted, or RFC 2047 where plain text
// cannot say it), so no name keeps the message from going out.
func named(name, address string) (*netmail.Address, error) {
	a, err := netmail.ParseAddress(address)
	if err != nil {
		return nil, err
	}
	a.Name = name
	return a, nil
}
