package agent

import (
	"strings"

	"github.com/alexedwards/argon2id"

	"github.com/portico-hub/portico/app/model"
)

// hashParams are OWASP's recommended argon2id parameters (19 MiB memory,
// two passes, one lane).
var hashParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// HashPassword returns the PHC-encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) { return argon2id.CreateHash(pw, hashParams) }

// dummyHash is compared against when no account matches, so a sign-in
// for an unknown address takes as long as one for a known address.
var dummyHash, _ = HashPassword("portico-timing-equaliser")

// checkPassword reports whether pw matches hash; an empty hash never does.
func checkPassword(pw, hash string) bool {
	if hash == "" {
		argon2id.ComparePasswordAndHash(pw, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(pw, hash)
	return err == nil && ok
}

// ValidatePassword applies the password policy: at least 8 characters, at
// most 256, and not containing the local part of the account's email.
func ValidatePassword(pw, email string) error {
	switch {
	case len([]rune(pw)) < MinPasswordLen:
		return model.Invalid("password", "Use at least 8 characters.")
	case len(pw) > 256:
		return model.Invalid("password", "Use at most 256 characters.")
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	if len(local) >= 3 && strings.Contains(strings.ToLower(pw), local) {
		return model.Invalid("password", "The password must not contain the part of your email address before the @.")
	}
	return nil
}
