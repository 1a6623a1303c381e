// Package ticket owns the tickets customers raise in the portal: what a
// ticket must contain, who sees which tickets (their own, and a
// company's when their membership may view all of its tickets), and
// tickets from visitors who are not signed in, whose address finds or
// creates their contact.
//
// It holds the rules and no SQL or HTTP: it imports model, store, mail,
// contact (for a visitor's name and address) and activation (for the
// automatic activation email).
package ticket
