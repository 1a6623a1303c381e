// Command portico runs the Portico contacts and companies hub.
//
// It imports app/cli only: the command line parses the arguments and
// calls app, where everything is wired. `portico help` lists the commands.
package main
