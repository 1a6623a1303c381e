// Package token makes the random secrets Portico hands out (session
// cookies, invitation, activation and reset links, CSRF keys) and the
// hashes they are stored as, so a leaked database holds no usable token.
//
// It imports nothing of Portico's.
package token
