// Package portal owns customers' access to the portal: password sign-in,
// portal sessions (separate from agents'), the password an admin sets for
// a contact, and what customers change on their own profile.
//
// It holds the rules and no SQL or HTTP: it imports model, store, mail,
// token, password, and contact (whose rules a profile edit follows).
package portal
