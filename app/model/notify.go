package model

import (
	"strconv"
	"strings"
	"time"
)

// Channel names what carries an outgoing message: ChannelEmail, or an
// instance of a notification channel plugin, "instance:<id>".
type Channel string

// ChannelEmail is email, through SMTP or into the built-in mailbox.
const ChannelEmail Channel = "email"

const instancePrefix = "instance:"

// InstanceChannel is the channel of a notifier plugin instance.
func InstanceChannel(id int64) Channel {
	return Channel(instancePrefix + strconv.FormatInt(id, 10))
}

// InstanceID returns the plugin instance a channel names, if it names one.
func (c Channel) InstanceID() (int64, bool) {
	rest, ok := strings.CutPrefix(string(c), instancePrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// IsEmail reports whether c is email (the empty channel is too).
func (c Channel) IsEmail() bool { return c == "" || c == ChannelEmail }

// The kinds of address the outbox writes to. A channel may declare its
// own (e.g. "xmpp"); those are kept in a contact's ContactAddresses.
const (
	AddressEmail = "email"
	// AddressPhone is a contact's mobile number.
	AddressPhone = "phone"
)

// NotifyKind is a kind of message Portico sends a contact; each has a
// NotifyRule and a channel text template.
type NotifyKind string

// The kinds of message a rule can route.
const (
	NotifyActivation      NotifyKind = "activation"
	NotifyPasswordReset   NotifyKind = "password_reset"
	NotifyPasswordChanged NotifyKind = "password_changed"
	NotifyExportReady     NotifyKind = "export_ready"
	NotifyTicketMessage   NotifyKind = "ticket_message"
)

// NotifyKinds lists the kinds in the order Admin > Notifications shows them.
var NotifyKinds = []NotifyKind{NotifyActivation, NotifyPasswordReset, NotifyPasswordChanged,
	NotifyExportReady, NotifyTicketMessage}

// Valid reports whether k is a known kind.
func (k NotifyKind) Valid() bool {
	for _, v := range NotifyKinds {
		if k == v {
			return true
		}
	}
	return false
}

// UsesChannels reports whether a rule may send k through a channel: the
// kinds sent to contacts, who have channel addresses. Export ready goes
// to the agent who asked for the export; agents have no mobile number or
// chat address, so it goes by email only.
func (k NotifyKind) UsesChannels() bool {
	return k.Valid() && k != NotifyExportReady
}

// RuleStep is one channel of a rule, with the kind of address it needs
// (the channel declared it when the rule was saved).
type RuleStep struct {
	Channel     Channel `json:"channel"`
	AddressKind string  `json:"address_kind"`
}

// NotifyRule says which channels carry a kind of message, in order: the
// first the contact can be reached by carries it, and an email step
// after it is the fallback when that one fails for good. Three shapes
// are allowed: [email] (the default), [channel] (instead of email) and
// [channel, email] (a channel, then email).
type NotifyRule struct {
	Kind      NotifyKind
	Steps     []RuleStep
	UpdatedAt time.Time
	UpdatedBy string
}

// EmailOnly is the rule of a kind no admin changed.
func EmailOnly(kind NotifyKind) NotifyRule {
	return NotifyRule{Kind: kind, Steps: []RuleStep{{Channel: ChannelEmail, AddressKind: AddressEmail}}}
}

// ChannelTemplate is an admin's version of a kind's channel text.
type ChannelTemplate struct {
	Kind      NotifyKind
	Text      string
	UpdatedAt time.Time
	UpdatedBy string
}

// ContactAddress is a contact's address of a channel's own kind.
type ContactAddress struct {
	ContactID int64
	Kind      string
	Address   string
	UpdatedAt time.Time
}
