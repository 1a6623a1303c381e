// Package company owns the rules for companies and for contacts'
// memberships in them: which names, domains and fields are valid, and how
// they are normalised. It calls the store for everything it reads and
// writes.
//
// It holds no HTTP and no SQL: it imports model, store and oneline only.
package company
