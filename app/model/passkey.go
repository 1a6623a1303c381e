package model

import (
	"errors"
	"time"
)

// ErrLastSignIn refuses removing a customer's last way to sign in: their
// only usable passkey when they have no password.
var ErrLastSignIn = errors.New("the last way to sign in cannot be removed")

// Passkey is a customer's WebAuthn credential. Binary values (credential
// id, public key, user handle, AAGUID) are unpadded base64url.
type Passkey struct {
	ID                int64
	ContactID         int64
	UserHandle        string
	CredentialID      string
	PublicKey         string
	SignCount         uint32
	AAGUID            string
	Transports        []string
	AttestationType   string
	AttestationFormat string
	Name              string
	UserVerified      bool
	BackupEligible    bool
	BackupState       bool
	// CloneWarning is set once a sign-in showed a signature counter that
	// did not move forward; such a passkey is refused from then on.
	CloneWarning bool
	CreatedAt    time.Time
	LastUsedAt   *time.Time
}

// Ceremony kinds.
const (
	CeremonyRegister = "register"
	CeremonyLogin    = "login"
)

// Ceremony is the server's half of a WebAuthn registration or sign-in
// between its begin and finish steps.
type Ceremony struct {
	IDHash    string
	Kind      string
	ContactID int64 // zero for a sign-in, which starts with no one known
	Session   string
	CreatedAt time.Time
	ExpiresAt time.Time
}
