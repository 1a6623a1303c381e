// Package ticket owns the tickets customers raise in the portal: what a
// ticket must contain, who sees which tickets (their own, and a
// company's when their membership may view all of its tickets), and
// tickets from visitors who are not signed in, whose address finds or
// creates their contact.
//
// An agent's reply reaches the requester by the notification rule of
// ticket messages (see notify): a short channel text with the link to
// the ticket in the portal, the email with the reply as its held
// fallback, or the email alone.
//
// It holds the rules and no SQL or HTTP: it imports model, store, mail,
// notify (for the replies' rule), contact (for a visitor's name and
// address) and activation (for the automatic activation email).
package ticket
