package password

import (
	_ "embed"
	"strings"

	"github.com/ccojocar/zxcvbn-go"

	"github.com/portico-hub/portico/app/model"
)

// MinLen is the shortest password accepted.
const MinLen = 8

// Problem explains what is wrong with pw as the password of the account
// whose address is email, or returns "": at least 8 characters, at most
// 256 bytes, and not containing the part of the address before the @.
func Problem(pw, email string) string { return problem(pw, email, "your") }

// problem is Problem with the address's owner named as whose: "your" to
// the account's holder, "the contact's" to an admin who sets it.
func problem(pw, email, whose string) string {
	switch {
	case len([]rune(pw)) < MinLen:
		return "Use at least 8 characters."
	case len(pw) > 256:
		return "Use at most 256 characters."
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	if len(local) >= 3 && strings.Contains(strings.ToLower(pw), local) {
		return "The password must not contain the part of " + whose + " email address before the @."
	}
	return ""
}

// Validate applies the customers' policy: Problem's rules, and not one of
// the most common passwords, ignoring case.
func Validate(pw, email string) error { return validate(pw, email, "your") }

// ValidateForContact is Validate as an admin who sets a contact's
// password reads it: the address is the contact's, not the admin's.
func ValidateForContact(pw, email string) error { return validate(pw, email, "the contact's") }

func validate(pw, email, whose string) error {
	if msg := problem(pw, email, whose); msg != "" {
		return model.Invalid("password", msg)
	}
	if Common(pw) {
		return model.Invalid("password", "This is one of the most common passwords, which are tried first. Choose another.")
	}
	if Guessable(pw, email) {
		return model.Invalid("password", "This password is easy to guess: a common word with digits or symbols added "+
			"(such as password123 or P@ssw0rd) is among the first tried. A few unrelated words make a strong one.")
	}
	return nil
}

// Guessable reports whether pw falls to the first thousand guesses of an
// attacker who knows the usual tricks: a common word, name or date with
// digits or symbols added, letters swapped for look-alikes (P@ssw0rd),
// keyboard walks and repeats, or the account's own address. zxcvbn
// estimates it; the common list alone misses such variations.
func Guessable(pw, email string) bool {
	local, _, _ := strings.Cut(email, "@")
	return zxcvbn.PasswordStrength(pw, []string{email, local, "portico"}).Score == 0
}

// SameAsCurrent is the message for a new password equal to the one it
// replaces, which would leave a guessed or leaked password working.
const SameAsCurrent = "Choose a password different from your current one."

// Unchanged reports whether pw is the password hash was made from; a
// contact without a password (an empty hash) has none to repeat.
func Unchanged(pw, hash string) bool {
	return hash != "" && Check(pw, hash)
}

// commonList is, one a line, the entries of eight characters or more of
// "10k-most-common.txt" from the SecLists project (Daniel Miessler and
// contributors, MIT licence), the 10,000 passwords most often found in
// leaked password dumps. Shorter entries are refused by the length rule
// anyway.
//
//go:embed common.txt
var commonList string

var common = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, line := range strings.Split(commonList, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			m[strings.ToLower(line)] = struct{}{}
		}
	}
	return m
}()

// Common reports whether pw is on the list of common passwords.
func Common(pw string) bool {
	_, ok := common[strings.ToLower(pw)]
	return ok
}
