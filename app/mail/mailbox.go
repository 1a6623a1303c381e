package mail

import (
	"context"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Mailbox is the outbox as admins read it (Admin > Mailbox): every email
// Portico queued, with its delivery state, and whole when no SMTP server
// is set and email is kept here instead.
type Mailbox struct {
	Store *store.Store
}

// List returns the page of emails q asks for.
func (b *Mailbox) List(ctx context.Context, q model.MailQuery) (*model.MailPage, error) {
	return b.Store.ListEmails(ctx, q)
}

// Counts counts the emails in each delivery state, for the tabs.
func (b *Mailbox) Counts(ctx context.Context) (map[model.MailState]int, error) {
	return b.Store.CountEmails(ctx)
}

// Get returns one email, both parts included.
func (b *Mailbox) Get(ctx context.Context, id int64) (*model.Mail, error) {
	return b.Store.Email(ctx, id)
}
