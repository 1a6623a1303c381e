// Command portico runs the Portico contacts and companies hub.
//
// It imports app only: everything else is wired there.
package main
