package password

import "github.com/alexedwards/argon2id"

// params are OWASP's recommended argon2id parameters (19 MiB memory, two
// passes, one lane).
var params = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// Hash returns the PHC-encoded argon2id hash of pw.
func Hash(pw string) (string, error) { return argon2id.CreateHash(pw, params) }

// dummyHash is compared against when no account matches, so a sign-in
// for an unknown address takes as long as one for a known address.
var dummyHash, _ = Hash("portico-timing-equaliser")

// Check reports whether pw matches hash. An empty hash never matches, and
// takes as long to say so as a real comparison.
func Check(pw, hash string) bool {
	if hash == "" {
		argon2id.ComparePasswordAndHash(pw, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(pw, hash)
	return err == nil && ok
}
