package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	netmail "net/mail"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Recipient is who an email goes to.
type Recipient struct {
	Name      string
	Address   string
	ContactID int64
}

// Mailer renders templates into outbox emails and queues them.
type Mailer struct {
	Store      *store.Store
	Templates  *Templates
	From       *netmail.Address
	PortalName string
}

// Compose renders the template key for one recipient. A feature that
// changes something and emails about it passes the result to its store
// method, which queues it with store.QueueEmailTx in the same transaction.
func (m *Mailer) Compose(ctx context.Context, key string, to Recipient, d Data) (model.NewMail, error) {
	t, err := m.Templates.Get(ctx, key)
	if err != nil {
		return model.NewMail{}, err
	}
	c, err := t.Compile()
	if err != nil {
		return model.NewMail{}, err
	}
	return m.render(c, key, to, d)
}

// ComposeAll renders one template for many recipients, parsing it once,
// for bulk sends.
func (m *Mailer) ComposeAll(ctx context.Context, key string, to []Recipient, data func(Recipient) Data) ([]model.NewMail, error) {
	t, err := m.Templates.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	c, err := t.Compile()
	if err != nil {
		return nil, err
	}
	out := make([]model.NewMail, len(to))
	for i, r := range to {
		if out[i], err = m.render(c, key, r, data(r)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Queue composes an email and puts it in the outbox on its own.
func (m *Mailer) Queue(ctx context.Context, key string, to Recipient, d Data) (int64, error) {
	nm, err := m.Compose(ctx, key, to, d)
	if err != nil {
		return 0, err
	}
	return m.Store.QueueEmail(ctx, nm)
}

func (m *Mailer) render(c *Compiled, key string, to Recipient, d Data) (model.NewMail, error) {
	if d.PortalName == "" {
		d.PortalName = m.portalName()
	}
	if d.ContactName == "" {
		d.ContactName = to.Name
	}
	if d.ContactEmail == "" {
		d.ContactEmail = to.Address
	}
	r, err := c.Render(d)
	if err != nil {
		return model.NewMail{}, err
	}
	return model.NewMail{
		MessageID: m.messageID(), To: to.Address, ToName: to.Name, ContactID: to.ContactID,
		Subject: r.Subject, HTML: r.HTML, Text: r.Text, Template: key,
	}, nil
}

func (m *Mailer) portalName() string {
	if m.PortalName != "" {
		return m.PortalName
	}
	return "Portico"
}

// MessageID returns a new message id, as an email gets one: channel
// messages in the outbox use it as their idempotency key.
func (m *Mailer) MessageID() string { return m.messageID() }

// messageID is fixed when the email is queued, so a message sent twice
// (after a crash between sending and recording it) reads as one.
func (m *Mailer) messageID() string {
	b := make([]byte, 16)
	rand.Read(b)
	domain := "portico.invalid"
	if m.From != nil {
		if at := strings.LastIndexByte(m.From.Address, '@'); at >= 0 {
			domain = m.From.Address[at+1:]
		}
	}
	return hex.EncodeToString(b) + "@" + domain
}
