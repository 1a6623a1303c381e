// Package sdktest runs a plugin inside a test against the real host side:
// the plugin is served by sdk.Serve in debug mode and the host package
// connects to it over gRPC, so a test exercises the same code paths as
// Portico does, without building a binary.
package sdktest
