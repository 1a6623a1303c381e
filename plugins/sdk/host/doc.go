// Package host starts and talks to Portico plugins. It is the only place
// that knows how a plugin process is run: from an approved folder, with
// AutoMTLS, without the host's environment, in its own process group, with
// its socket in a private directory, its stderr re-logged and its tail kept
// for error messages. Every call gets a deadline.
//
// Portico's plugin host (supervision, restarts, the admin pages) builds on
// this package; the conformance runner and the SDK's tests use it too, so
// plugins are always tested against the real host side.
package host
