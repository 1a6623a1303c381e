// Package cli is Portico's command line: `portico serve`, migrate, admin,
// import, export, plugins and help. Each subcommand has one file that
// holds its reference (what `portico help COMMAND` prints), its flags and
// what it runs; run.go picks the command, parses its flags and the
// settings it reads, and maps its outcome to an exit status.
//
// It imports app, the composition root, for the server and the parts a
// one-shot command needs (the agent service, the import engine, the
// plugin host), and the domain packages whose types those parts take.
// Nothing imports cli but cmd/portico and its tests; app never does.
package cli
