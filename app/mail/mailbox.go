package mail

import (
	"context"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Mailbox is the outbox as admins read it (Admin > Mailbox): every email
// and channel message Portico queued, with its delivery state, and whole
// when no SMTP server is set and email is kept here instead.
type Mailbox struct {
	Store *store.Store
}

// List returns the page of emails q asks for.
func (b *Mailbox) List(ctx context.Context, q model.MailQuery) (*model.MailPage, error) {
	return b.Store.ListEmails(ctx, q)
}

// Counts counts the messages in each delivery state, for the tabs: all
// of them, or one channel's when the list is narrowed to it.
func (b *Mailbox) Counts(ctx context.Context, ch model.Channel) (map[model.MailState]int, error) {
	if ch == "" {
		return b.Store.CountEmails(ctx)
	}
	return b.Store.CountChannelEmails(ctx, ch)
}

// Channels lists the channels that carried messages, for the filter.
func (b *Mailbox) Channels(ctx context.Context) ([]store.OutboxChannel, error) {
	return b.Store.OutboxChannels(ctx)
}

// Get returns one email, both parts included.
func (b *Mailbox) Get(ctx context.Context, id int64) (*model.Mail, error) {
	return b.Store.Email(ctx, id)
}
