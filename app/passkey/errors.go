package passkey

import (
	"errors"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol"
)

// Errors a ceremony ends with. The web layer words them for people; the
// library's detail is kept in the wrapped error for the log only.
var (
	// ErrExpired: the ceremony is unknown, already used or too old.
	ErrExpired = errors.New("passkey: ceremony expired or already used")
	// ErrRefused: the response did not verify (wrong origin or challenge,
	// no user verification, bad signature, unknown passkey...).
	ErrRefused = errors.New("passkey: response refused")
	// ErrCloned: the passkey's signature counter did not move forward, so
	// a copy of its key may exist; the passkey is flagged and refused.
	ErrCloned = errors.New("passkey: possibly copied authenticator")
)

// refused wraps a verification failure as ErrRefused, with the
// library's detail for the log.
func refused(err error) error {
	var pe *protocol.Error
	if errors.As(err, &pe) && pe.DevInfo != "" {
		return fmt.Errorf("%w: %w (%s)", ErrRefused, err, pe.DevInfo)
	}
	return fmt.Errorf("%w: %w", ErrRefused, err)
}
