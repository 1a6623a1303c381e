package notify

import (
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// Service keeps the notification rules and channel templates, and plans
// the messages senders queue.
type Service struct {
	Store  *store.Store
	Mailer *mail.Mailer
	// Plugins runs the channel plugins; nil when plugins are off, and
	// every message then goes by email.
	Plugins *pluginhost.Host
}
