// Package servertest runs the xmpp-chat plugin, bundled as it ships,
// against a real Prosody on a loopback port, through Portico's host
// package and the SDK's conformance checks; a second account receives.
package servertest
