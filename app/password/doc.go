// Package password hashes and checks passwords with argon2id, for agents
// and customers alike, and holds the customers' password policy with its
// list of the most common passwords.
//
// It imports model only.
package password
