// Package testkit holds what Portico's tests share: Eventually, the one
// way to wait for background work, and SMTP, a real SMTP server on
// loopback that keeps what it receives; Kannel, a real SMS gateway with a
// fake SMSC; and InstallGoPlugin for the example plugins. Only tests
// import it.
//
// It imports nothing of Portico's, so any package's tests may use it.
package testkit
