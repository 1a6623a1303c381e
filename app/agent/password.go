package agent

import (
	"github.com/portico-hub/portico/app/password"
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = password.MinLen

// HashPassword returns the PHC-encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) { return password.Hash(pw) }

// checkPassword reports whether pw matches hash; an empty hash never does.
func checkPassword(pw, hash string) bool { return password.Check(pw, hash) }

// ValidatePassword applies the customers' password policy to agents and
// admins, whose accounts open every contact: at least 8 characters, at
// most 256, not containing the local part of the account's email, and
// not one of the most common passwords.
func ValidatePassword(pw, email string) error { return password.Validate(pw, email) }
