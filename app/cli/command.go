package cli

import (
	"context"
	"flag"
	"slices"
)

// command is one subcommand: its reference, the settings it reads and
// its flags.
type command struct {
	name string
	// usage is the synopsis, summary the one line of `portico help`.
	usage, summary string
	// about says what it does; examples are command lines, each with a
	// comment saying what it does.
	about    string
	examples []string
	// actions are the words its first argument must be (import contacts,
	// plugins list); keep says the command reads that word from its
	// arguments, else it is dropped.
	actions []string
	keep    bool
	// settings lists the settings it reads when it reads only a few: its
	// help then lists only those, and only those are validated. nil
	// means every setting, as the server reads them.
	settings []string
	// flags declares its own flags on fs and returns what it runs.
	flags func(fs *flag.FlagSet, e *env) func(context.Context) error
}

// commands in the order `portico help` lists them.
func commands() []*command {
	return []*command{&serveCommand, &migrateCommand, &adminCommand, &importCommand, &exportCommand, &pluginsCommand}
}

// lookup finds a command by name.
func lookup(name string) (*command, bool) {
	i := slices.IndexFunc(commands(), func(c *command) bool { return c.name == name })
	if i < 0 {
		return nil, false
	}
	return commands()[i], true
}

// flagSet declares the command's settings and flags on a new flag set
// and returns it with what the command runs.
func (c *command) flagSet(e *env) (*flag.FlagSet, func(context.Context) error) {
	fs := flag.NewFlagSet("portico "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	registerSettings(fs, e.cfg, c.settings)
	return fs, c.flags(fs, e)
}
