// Package app wires Portico together: it parses the command line, opens the
// store and runs the chosen subcommand. It is the only package that
// imports web.
package app
