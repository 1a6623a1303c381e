// Package agent owns agent accounts: the first admin, invitations,
// passwords (argon2id) and sign-in sessions.
//
// It holds the rules and no SQL or HTTP: it imports model, store,
// address, password and token only.
package agent
