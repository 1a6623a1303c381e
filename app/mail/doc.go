// Package mail owns Portico's outgoing email: the templates admins edit,
// rendering them into a message, queuing the message in the outbox, and
// the delivery job that hands the outbox to an SMTP server, or keeps it
// in the built-in mailbox when none is configured.
//
// Nothing is ever sent from a request: a request queues, the delivery job
// sends. It imports config, jobs, model and store; never web.
package mail
