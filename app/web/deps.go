package web

import (
	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/agent"
	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/crmsync"
	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/notify"
	"github.com/portico-hub/portico/app/passkey"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/portal"
	"github.com/portico-hub/portico/app/ticket"
	"github.com/portico-hub/portico/app/timesheet"
	"github.com/portico-hub/portico/app/webhooks"
)

// Deps are the domain services the server's handlers call, and the key
// its forms are signed with. The server builds none of them: the
// composition root (package app) does, once, so the web server, the
// background workers and the browser tests share one wiring.
type Deps struct {
	Agents        *agent.Service
	Contacts      *contact.Service
	Companies     *company.Service
	MailTemplates *mail.Templates
	// MailServers says which SMTP server email goes to, and keeps the
	// one of Admin > Email.
	MailServers mail.Servers
	// Mailbox lists the emails Portico queued, for Admin > Mailbox.
	Mailbox    *mail.Mailbox
	Activation *activation.Service
	Bulk       *bulk.Service
	Portal     *portal.Service
	Tickets    *ticket.Service
	Time       *timesheet.Service
	Webhooks   *webhooks.Service
	// Imports is the import engine the wizard reads files with; the
	// import job shares it.
	Imports imports.Deps
	// Exports starts and finds contact and report exports; the export
	// job shares it.
	Exports exports.Deps
	// Jobs queues background work; its owner runs it.
	Jobs *jobs.Runner
	// Passkeys is nil when the base URL cannot carry passkeys.
	Passkeys *passkey.Service
	// Plugins is nil when Portico runs without a plugin host; Admin >
	// Plugins then says plugins are off.
	Plugins *pluginhost.Host
	// CRM syncs the CRM connectors; nil when plugins are off.
	CRM *crmsync.Engine
	// Notify keeps the notification rules and channel texts (Admin >
	// Notifications) and plans the messages senders queue.
	Notify *notify.Service
	// CSRFKey signs the forms' CSRF tokens; it is kept in the database
	// so tokens outlive a restart.
	CSRFKey []byte
}
