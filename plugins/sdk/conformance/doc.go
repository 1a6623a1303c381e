// Package conformance checks a plugin folder against the plugin contract
// by running the plugin through the real host side: the manifest, the
// handshake, GetInfo against the manifest, the health service, Configure and
// CheckHealth, an import with a cursor resume, a notifier's addresses and
// once-per-key sends, and a graceful shutdown.
// cmd/plugincheck is its command line; the SDK's tests run it on every
// example, Go and Node alike.
package conformance
