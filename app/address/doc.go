// Package address checks email addresses the way every Portico form
// does (agents, contacts, portal sign-up, imports), so one rule and one
// message apply everywhere.
//
// It imports nothing of Portico's.
package address
