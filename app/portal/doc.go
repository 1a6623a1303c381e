// Package portal owns customers' access to the portal: password sign-in,
// portal sessions (separate from agents'), and the password an admin sets
// for a contact.
//
// It holds the rules and no SQL or HTTP: it imports model, store, mail,
// agent (for tokens) and password.
package portal
