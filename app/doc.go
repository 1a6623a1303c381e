// Package app is Portico's composition root. Wire builds every domain
// service once from the configuration, the logger and the store, hands
// them to the web server and registers every background job; Start runs
// the workers. `portico serve` and the tests use the same two calls, and
// the one-shot commands take the parts they need (Agents, Imports,
// PluginHost) from here, built as Wire builds them.
//
// It is the only package that imports web. It never imports cli, the
// command line above it: nothing imports app but cli and tests.
package app
