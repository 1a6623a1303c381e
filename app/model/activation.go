package model

import (
	"errors"
	"time"
)

// LinkPurpose is what a one-time link emailed to a contact is for.
type LinkPurpose string

const (
	// LinkActivation activates an unverified contact's portal account.
	LinkActivation LinkPurpose = "activation"
	// LinkPasswordReset lets a verified contact choose a new password.
	LinkPasswordReset LinkPurpose = "password_reset"
)

// VerifiedHow records how a contact proved they own their address.
type VerifiedHow string

const (
	VerifiedByPassword VerifiedHow = "password"
	VerifiedByPasskey  VerifiedHow = "passkey"
	VerifiedByAdmin    VerifiedHow = "admin"
)

// Why a one-time link no longer works. An unknown token is ErrNotFound.
var (
	ErrLinkUsed       = errors.New("link already used")
	ErrLinkExpired    = errors.New("link expired")
	ErrLinkSuperseded = errors.New("link superseded by a newer one")
	// ErrLinkAccountClosed is a real link of a blocked or deleted
	// contact: its holder already knows the account exists, so the
	// page may say that it cannot be activated.
	ErrLinkAccountClosed = errors.New("link of a blocked or deleted contact")
)

// LinkEnd is what ended a link early, before it was used or expired: a
// change after which whoever holds the old mailbox must not recover the
// account with it.
type LinkEnd string

const (
	// LinkEndAddressRemoved: the address it was sent to left the contact.
	LinkEndAddressRemoved LinkEnd = "address_removed"
	// LinkEndPasswordChanged: the password changed, by the customer, a
	// reset or an admin.
	LinkEndPasswordChanged LinkEnd = "password_changed"
	// LinkEndSignedOut: the customer signed out everywhere.
	LinkEndSignedOut LinkEnd = "signed_out"
	// LinkEndAccountClosed: the contact was blocked or deleted.
	LinkEndAccountClosed LinkEnd = "account_closed"
)

// LinkEndedError is a link that a change ended early; Why says which.
type LinkEndedError struct{ Why LinkEnd }

func (e *LinkEndedError) Error() string { return "link ended early: " + string(e.Why) }

// NewLink is one link to issue: the token's hash, where it goes, and the
// email carrying it, which the store queues in the same transaction.
type NewLink struct {
	ContactID int64
	TokenHash string
	Purpose   LinkPurpose
	Email     string
	ExpiresAt time.Time
	Mail      NewMail
	// Plan, when set, replaces Mail: the messages carrying the link, by
	// the kind's notification rule (a channel message, then a held email
	// fallback, say). Each carries the link.
	Plan []NewMail
}

// Link is an issued link as its page shows it.
type Link struct {
	ContactID   int64
	ContactName string
	Email       string
	Purpose     LinkPurpose
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// LinkStatus is the newest link sent to a contact, for "sent 2 min ago".
type LinkStatus struct {
	Purpose   LinkPurpose
	SentAt    time.Time
	ExpiresAt time.Time
	Used      bool
	// Ended is set when a change ended the link early.
	Ended bool
}

// LinkTarget is a contact a link may be sent to: its primary address and
// state decide whether, and which link.
type LinkTarget struct {
	ID    int64
	Name  string
	Email string
	State State
}

// PortalLogin is what a portal sign-in checks a password against.
type PortalLogin struct {
	ContactID    int64
	Name         string
	Email        string
	State        State
	PasswordHash string
}

// Customer is the contact signed in to the portal.
type Customer struct {
	ID    int64
	Name  string
	Email string
}

// PortalSession is a customer's signed-in browser.
type PortalSession struct {
	IDHash     string
	ContactID  int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}
