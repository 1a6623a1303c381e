// Package maintenance is Portico's housekeeping: it deletes expired
// sessions and the files of expired exports, redacts the mailbox's dead
// links, deletes ended jobs of no further use, and prunes the webhook
// delivery log and events past their retention. It runs as a periodic
// job of package jobs, so each sweep is recorded, recovers from panics,
// is retried when it fails and stops with the other jobs at shutdown.
//
// It imports jobs, exports and store; only app imports it.
package maintenance
