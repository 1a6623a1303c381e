// Package contact owns the rules for contacts: which fields are valid, how
// values are normalised, and which changes are allowed. It calls the store
// for everything it reads and writes.
//
// It holds no HTTP and no SQL: it imports model, store, address (for
// address validation) and oneline only.
package contact
