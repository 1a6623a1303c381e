package model

import "time"

// MailState is where an outgoing email is on its way out.
type MailState string

const (
	// MailHeld is a fallback waiting for the message it backs up.
	MailHeld    MailState = "held"
	MailQueued  MailState = "queued"
	MailSending MailState = "sending"
	MailSent    MailState = "sent"
	MailFailed  MailState = "failed"
	// MailSkipped is a fallback that was not needed: the message it
	// backed up went out.
	MailSkipped MailState = "skipped"
	// MailKept is never stored: it is how the outbox lists and counts a
	// sent email that was kept in the built-in mailbox rather than handed
	// to SMTP, so that it is never taken for one that went out.
	MailKept MailState = "kept"
)

// Valid reports whether s is a known state.
func (s MailState) Valid() bool {
	switch s {
	case MailHeld, MailQueued, MailSending, MailSent, MailFailed, MailSkipped:
		return true
	}
	return false
}

// Listed reports whether the outbox can be narrowed to s: a stored state
// or kept.
func (s MailState) Listed() bool { return s.Valid() || s == MailKept }

// Transports an email leaves by.
const (
	TransportSMTP    = "smtp"
	TransportMailbox = "mailbox"
	// TransportChannel is a message handed to a notification channel.
	TransportChannel = "channel"
)

// Mail is one outgoing message in the outbox, rendered when it was
// queued so it shows exactly what was sent.
type Mail struct {
	NewMail
	ID            int64
	State         MailState
	Transport     string
	Attempts      int
	LastError     string
	NextAttemptAt time.Time
	CreatedAt     time.Time
	// WaitsFor is the message a held fallback waits for.
	WaitsFor int64
	// ProviderID and Segments are a channel's answer: its id for the
	// message, and how many SMS parts it used.
	ProviderID string
	Segments   int
	SentAt     *time.Time
	// Delivery is what the channel's last delivery report said
	// ("delivered", "failed", "pending"; empty without one), DeliveryDetail
	// its words, DeliveryAt when.
	Delivery       string
	DeliveryDetail string
	DeliveryAt     *time.Time
	// LinkRedactedAt is when the stored copy stopped holding its
	// one-time link's token.
	LinkRedactedAt *time.Time
	// LinkHidden is set on a copy shown with its link's token replaced
	// by RedactedToken: handed to SMTP, failed, or its link no longer
	// works.
	LinkHidden bool
}

// RedactedToken stands in for a one-time link's token in a stored email
// that no longer keeps it.
const RedactedToken = "redacted"

// NewMail is what queuing an email needs.
type NewMail struct {
	MessageID string
	To        string
	ToName    string
	Subject   string
	HTML      string
	Text      string
	Template  string
	ContactID int64
	// LinkHash is the SHA-256 of the one-time link's token the message
	// carries, empty when it carries none.
	LinkHash string
	// Channel carries the message; empty means ChannelEmail. ChannelName
	// is the instance's name when the message was queued, for lists.
	Channel     Channel
	ChannelName string
	// AddressKind is the kind of To; empty means AddressEmail.
	AddressKind string
	// Held queues the message as the fallback of the message queued just
	// before it in the same call: it waits until that one fails for good.
	Held bool
	// Note says why the message went this way, e.g. "Sent by email: the
	// contact has no mobile number."
	Note string
}

// MailOutcome is how one delivery attempt ended: sent, failed for good,
// or queued again for RetryAt.
type MailOutcome struct {
	ID        int64
	State     MailState
	Transport string
	Error     string
	RetryAt   time.Time
	// ProviderID and Segments are a channel's receipt.
	ProviderID string
	Segments   int
}

// MailQuery selects a page of the outbox.
type MailQuery struct {
	Search string
	State  MailState
	// Channel narrows the list to one channel; empty lists all.
	Channel Channel
	// ContactID narrows it to one contact's messages, for their page.
	ContactID int64
	Page      int
	PerPage   int
}

// MailPage is one page of the outbox, newest first.
type MailPage struct {
	Mails []Mail
	Total int
	Page  int
	Pages int
}

// EmailTemplate is an admin's version of an email template.
type EmailTemplate struct {
	Key       string
	Subject   string
	HTML      string
	Text      string
	UpdatedAt time.Time
	UpdatedBy string
}
