package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/config"
)

// env is what a subcommand gets: its I/O and the validated configuration.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cfg            *config.Config
	log            *slog.Logger
	// args are the arguments that are not flags, such as a file name.
	args []string
}

// Run runs the subcommand named by args and returns the exit code: 0 when
// it did its work, 1 when it could not, 2 when it was asked wrongly.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	config.TuneGC()
	if len(args) > 0 && (args[0] == "help" || isHelp(args)) {
		return help(stdout, stderr, args[1:])
	}
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	c, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "portico: unknown command %q\n\n%s", name, overview())
		return 2
	}
	rest, ok := dropAction(c, args)
	if !ok {
		return misused(stderr, c, args)
	}
	args = rest
	return runCommand(ctx, c, args, &env{stdin: stdin, stdout: stdout, stderr: stderr, cfg: &config.Config{}})
}

// runCommand parses the command's flags and settings, checks the
// settings and runs it.
func runCommand(ctx context.Context, c *command, args []string, e *env) int {
	fs, run := c.flagSet(e)
	fs.Usage = func() {} // the flag package has said what is wrong; the hint follows
	if err := parseAll(fs, args, &e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeCommand(e.stdout, c)
			return 0
		}
		fmt.Fprintf(e.stderr, "Run \"portico help %s\" for its flags and examples.\n", c.name)
		return 2
	}
	if c.keep && (len(e.args) == 0 || !slices.Contains(c.actions, e.args[0])) {
		return misused(e.stderr, c, e.args)
	}
	if err := validate(e.cfg, c.settings); err != nil {
		fmt.Fprintf(e.stderr, "portico: invalid configuration:\n  %s\n", strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return 2
	}
	e.log = newLogger(e.cfg, e.stderr)
	if err := run(ctx); err != nil {
		fmt.Fprintf(e.stderr, "portico %s: %v\n", c.name, err)
		return 1
	}
	return 0
}

// dropAction checks and drops the word that a command which does not
// read it needs first (admin create, export contacts). A help flag in
// its place passes, so that portico export --help helps. A command that
// reads its word (import contacts, plugins list) finds it among its
// arguments after its flags are parsed.
func dropAction(c *command, args []string) ([]string, bool) {
	if len(c.actions) == 0 || c.keep || isHelp(args) {
		return args, true
	}
	if len(args) == 0 || !slices.Contains(c.actions, args[0]) {
		return nil, false
	}
	return args[1:], true
}

// misused says how a command is used when its first word is missing or
// unknown, and returns the exit status of a command asked wrongly.
func misused(w io.Writer, c *command, args []string) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(w, "portico %s: %q is not one of %s\n", c.name, args[0], strings.Join(c.actions, ", "))
	}
	fmt.Fprintf(w, "usage: %s\nRun \"portico help %s\" for what it does, its flags and examples.\n", c.usage, c.name)
	return 2
}

// isHelp reports arguments that start by asking for help.
func isHelp(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}

// parseAll parses flags before and after the other arguments
// (portico import contacts FILE --mode create) and collects the others.
func parseAll(fs *flag.FlagSet, args []string, rest *[]string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	for fs.NArg() > 0 {
		*rest = append(*rest, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return err
		}
	}
	return nil
}
