package agent

import (
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/password"
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = password.MinLen

// HashPassword returns the PHC-encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) { return password.Hash(pw) }

// checkPassword reports whether pw matches hash; an empty hash never does.
func checkPassword(pw, hash string) bool { return password.Check(pw, hash) }

// ValidatePassword applies the password policy: at least 8 characters, at
// most 256, and not containing the local part of the account's email.
func ValidatePassword(pw, email string) error {
	if msg := password.Problem(pw, email); msg != "" {
		return model.Invalid("password", msg)
	}
	return nil
}
