// Package testkit holds what Portico's tests share: Eventually, the one
// way to wait for background work; SMTP, a real SMTP server on
// loopback that keeps what it receives; Hooks, a real webhook receiver on
// loopback that checks what arrived against what was due; AddressBook, a
// real CardDAV server (Radicale) that can go down and come back; Kannel,
// a real SMS gateway with a fake SMSC; and InstallGoPlugin for the
// example plugins. Only tests import it.
//
// It imports nothing of Portico's app, only the plugin SDK's helpers for
// real servers, so any package's tests may use it.
package testkit
