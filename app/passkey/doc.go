// Package passkey owns customers' passkeys: WebAuthn registration and
// discoverable sign-in (also from the browser's autofill), through
// github.com/go-webauthn/webauthn, and the rules for listing, renaming and
// removing passkeys.
//
// Every passkey is discoverable and requires user verification, so a
// passkey alone is a full sign-in. Ceremony state lives in the database,
// single use and short-lived. Authenticators know a customer by a random
// 64-byte user handle, never by the contact's id.
//
// It holds no HTTP and no SQL: it imports model, store and token (for
// random tokens) only.
package passkey
