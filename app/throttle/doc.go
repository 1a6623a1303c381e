// Package throttle slows down password guessing at sign-in without
// letting a stranger lock an account's owner out: it counts failures
// per client IP and per address, and delays only the clients that
// failed, never the right password from a new place.
//
// It imports nothing of Portico's.
package throttle
