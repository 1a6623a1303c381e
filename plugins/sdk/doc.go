// Package sdk is what a Go plugin author imports to extend Portico.
//
// A plugin is a program whose main calls Serve with a Plugin: its Info and a
// Configure function that turns one instance's configuration into an
// Instance. An instance that also implements Importer serves imports. Serve
// hides hashicorp/go-plugin, gRPC and the generated protocol types; plugins
// work with the plain types of this package.
//
// The package must never import Portico's application code: plugins depend
// on this module alone.
package sdk
