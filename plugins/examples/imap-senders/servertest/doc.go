// Package servertest runs the imap-senders plugin, built and bundled as it
// ships, against a real Dovecot on a loopback port, through Portico's host
// package and the SDK's conformance checks.
package servertest
