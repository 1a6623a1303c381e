// Package wire holds what both sides of the go-plugin connection must agree
// on: the handshake, the protocol versions, the plugin-set names and the
// error metadata keys. It imports nothing of the SDK, so the plugin side
// (package sdk) and the host side (package host) can share it.
package wire
