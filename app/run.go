package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/store"
)

const usage = `Portico is a self-hosted contacts and companies hub for support teams.

Usage:
  portico serve [flags]                       start the web server (the default)
  portico migrate [flags]                     apply database migrations and exit
  portico admin create --email E --name N     create an admin; the password is read from stdin
  portico import contacts [flags] FILE        import contacts from a CSV or Excel file
  portico import companies [flags] FILE       import companies from a CSV or Excel file
  portico export contacts [flags] -o FILE     export contacts to a CSV or Excel file
  portico plugins list|approve|disable|enable|logs [ID]   manage plugins
  portico help [COMMAND]                      this reference, or a command's flags

Run "portico help COMMAND" for the flags of a command. Every flag can
also be set by the PORTICO_* environment variable named in its help.
`

// env is what a subcommand gets: its I/O and the validated configuration.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cfg            *config.Config
	log            *slog.Logger
	// args are the arguments that are not flags, such as a file name.
	args []string
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

// Run runs the subcommand named by args and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	config.TuneGC()
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" && len(args) > 0 { // portico help import is portico import --help
		name, args = args[0], []string{"--help"}
	}
	if name == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if name == "admin" { // the only admin action so far is "create"
		if len(args) == 0 || args[0] != "create" {
			fmt.Fprint(stderr, "usage: portico admin create --email E --name N (password on stdin)\n")
			return 2
		}
		args = args[1:]
	}
	if name == "import" && !isHelp(args) { // the kind stays the first argument
		if len(args) == 0 || (args[0] != "contacts" && args[0] != "companies") {
			fmt.Fprint(stderr, commandUsage["import"])
			return 2
		}
	}
	if name == "export" && !isHelp(args) { // the only kind of export so far is "contacts"
		if len(args) == 0 || args[0] != "contacts" {
			fmt.Fprint(stderr, commandUsage["export"])
			return 2
		}
		args = args[1:]
	}
	if name == "plugins" && !isHelp(args) && len(args) == 0 {
		fmt.Fprint(stderr, pluginsUsage)
		return 2
	}
	cmds := map[string]func(*flag.FlagSet, *env) func(context.Context) error{
		"serve": serveCmd, "migrate": migrateCmd, "admin": adminCmd, "import": importCmd, "export": exportCmd,
		"plugins": pluginsCmd,
	}
	mk, ok := cmds[name]
	if !ok {
		fmt.Fprintf(stderr, "portico: unknown command %q\n\n%s", name, usage)
		return 2
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, cfg: &config.Config{}}
	fs := flag.NewFlagSet("portico "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	registerSettings(fs, e.cfg, name)
	run := mk(fs, e)
	fs.Usage = func() {
		if u, ok := commandUsage[name]; ok {
			fmt.Fprintf(stderr, "%s\nFlags:\n", u)
		} else {
			fmt.Fprintf(stderr, "%s\nFlags of portico %s:\n", usage, name)
		}
		fs.PrintDefaults()
	}
	if err := parseAll(fs, args, &e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := validate(e.cfg, name); err != nil {
		fmt.Fprintf(stderr, "portico: invalid configuration:\n  %s\n", strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return 2
	}
	e.log = newLogger(e.cfg, stderr)
	if err := run(ctx); err != nil {
		fmt.Fprintf(stderr, "portico %s: %v\n", name, err)
		return 1
	}
	return 0
}

// isHelp reports a command asked for its help before its kind, as in
// portico export --help.
func isHelp(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}

// commandUsage is what the commands that take a kind say about it.
var commandUsage = map[string]string{
	"import": `usage: portico import contacts|companies [flags] FILE

Imports a CSV or Excel file with the web wizard's engine. The exit
status is 0 when every row imported, 1 when any row failed (their
reasons are written to a CSV) or the import could not run.
`,
	"plugins": pluginsUsage,
	"export": `usage: portico export contacts [flags] -o FILE

Writes contacts to a CSV or Excel file; the file appears under its name
once complete.
`,
}

// settingsOf lists the settings a command reads, when it reads only a
// few: its --help then lists only those, not the server's.
var settingsOf = map[string][]string{
	"import":  {"db", "files", "base-url", "log-level", "log-format", "job-lease", "import-max-mb", "import-max-rows", "plugins-dir"},
	"export":  {"db", "log-level", "log-format"},
	"migrate": {"db", "log-level", "log-format"},
	"admin":   {"db", "log-level", "log-format"},
	"plugins": {"db", "plugins-dir", "log-level", "log-format"},
}

// registerSettings declares the settings command name reads on fs; the
// others keep their defaults (and environment), which only a command
// reading every setting validates.
func registerSettings(fs *flag.FlagSet, cfg *config.Config, name string) {
	keep, ok := settingsOf[name]
	if !ok {
		cfg.Register(fs)
		return
	}
	all := flag.NewFlagSet(name, flag.ContinueOnError)
	cfg.Register(all)
	for _, n := range keep {
		f := all.Lookup(n)
		fs.Var(f.Value, f.Name, f.Usage)
	}
}

// validate checks the settings command name reads: a command that reads
// only a few is not stopped by a server setting it never uses.
func validate(cfg *config.Config, name string) error {
	if keep, ok := settingsOf[name]; ok {
		return cfg.ValidateOnly(keep...)
	}
	return cfg.Validate()
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	level, _ := cfg.Level()
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openStore opens the database of a command, naming it when it cannot:
// the store's error alone does not say which file it tried.
func openStore(ctx context.Context, cfg *config.Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DBPath)
	if err != nil {
		return nil, fmt.Errorf("cannot open the database %s: %w", cfg.DBPath, err)
	}
	return st, nil
}

func migrateCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	return func(ctx context.Context) error {
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		v, err := st.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "database %s is at schema version %d\n", e.cfg.DBPath, v)
		return nil
	}
}
