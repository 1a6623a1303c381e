// Package app is Portico's composition root and command line. Wire builds
// every domain service once from the configuration, the logger and the
// store, hands them to the web server and registers every background job;
// Start runs the workers. `portico serve` and the tests use the same two
// calls. The subcommands (serve, migrate, admin, import, export, plugins)
// parse their flags here and call the services.
//
// It is the only package that imports web, and nothing imports it but
// cmd/portico and tests.
package app
