package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/portico-hub/portico/app"
	"github.com/portico-hub/portico/app/imports"
)

var importCommand = command{
	name:    "import",
	usage:   "portico import contacts|companies [flags] FILE",
	summary: "import contacts or companies from a CSV or Excel file, or contacts from a plugin",
	about: "Imports a CSV (comma, semicolon or tab; UTF-8, UTF-16, CP949/EUC-KR or Windows-1252, all detected) or Excel .xlsx file with the web wizard's engine. " +
		"Columns are mapped from their headers in English or Korean, and Freshdesk's exports are read as they are; --map changes only the columns it names. " +
		"Rows apply in file order. A row matching an existing record updates it only where it differs and is skipped otherwise; no duplicate is ever created. Companies match by name, ignoring case.\n\n" +
		"Every row ends as created, updated, skipped or failed, and the four add up to the rows in the file. Failed rows are written to a CSV with their reasons, and the command prints the commonest reasons and the first failed rows. " +
		"The exit status is 0 when no row failed, 1 when any did (a dry run too) or the import could not run.\n\n" +
		"One import runs at a time. An interrupted import (Ctrl-C, a crash) resumes from its last committed batch when this command or the server starts again, with the same result. " +
		"New contacts get the activation email (--send-activation) only when the import finishes as done: the command queues them and the server sends them. " +
		"A cancelled or failed import sends none and prints the link to its page, where they can still be sent.\n\n" +
		"A file holds at most --import-max-mb and --import-max-rows, 1,000 columns, 1 MB in one row and 64 KB in one cell; a longer cell fails its row, a longer row stops the file with an error naming it. " +
		"Company rows find their company by name and never rename it; domains are added, never removed, and link the contacts at them. A row listing a public mail domain, or a domain another company lists, fails with its reason.",
	examples: []string{
		"portico import contacts contacts.csv --dry-run                     # count what would happen",
		`portico import contacts contacts.xlsx --map "E-mail=email" --match email`,
		"portico import contacts people.csv --map Notes=skip --send-activation=false",
		"portico import companies accounts.xlsx --mode update --blank clear",
		"portico import contacts --from ldap-directory:Staff                # from a plugin's instance",
	},
	actions:  []string{"contacts", "companies"},
	keep:     true,
	settings: []string{"db", "files", "base-url", "log-level", "log-format", "job-lease", "import-max-mb", "import-max-rows", "plugins-dir"},
	flags:    importCmd,
}

// importCmd runs `portico import contacts FILE` and `portico import
// companies FILE`: the same engine as the web wizard, run to the end in
// this process with its own job runner.
// An interrupted import (this command or the server killed) resumes
// where it stopped the next time either runs.
func importCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	var o importFlags
	fs.Func("map", "map a column (by header, letter or number) to a field, as `column=field`, or skip it with column=skip; repeat for more columns; the others keep the mapping suggested from the header",
		func(s string) error { o.specs = append(o.specs, s); return nil })
	o.mode = fs.String("mode", "upsert", "create, update or upsert (create and update)")
	o.match = fs.String("match", "", "match existing contacts by email (the default), external_id, twitter_id (X handle) or phone; companies match by name")
	o.blank = fs.String("blank", "keep", "blank cells keep values (keep) or clear them (clear)")
	o.dry = fs.Bool("dry-run", false, "count what the import would do without changing anything")
	from := fs.String("from", "", "import from an installed source instead of a file: `PLUGIN:INSTANCE`, as Admin > Plugins names them (contacts only)")
	o.activate = fs.Bool("send-activation", false, "queue the activation email for each new contact with an address, which the server (portico serve) sends (default: Admin > Notifications' \"User activation email\" switch)")
	return func(ctx context.Context) error {
		if *from != "" {
			return importFromPlugin(ctx, e, fs, o, *from)
		}
		if len(e.args) != 2 {
			return fmt.Errorf("give one file: portico import %s FILE", e.args[0])
		}
		kind, path := imports.Kind(e.args[0]), e.args[1]
		if err := readable(path); err != nil {
			return err
		}
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		d := app.Imports(e.cfg, e.log, st, nil)
		fs.Visit(func(f *flag.Flag) { o.activateSet = o.activateSet || f.Name == "send-activation" })
		p, err := o.params(ctx, d, kind, path)
		if err != nil {
			return err
		}
		return runImport(ctx, e, d, p)
	}
}

// importFlags are the choices of portico import.
type importFlags struct {
	specs              []string
	mode, match, blank *string
	dry, activate      *bool
	// activateSet says --send-activation was given, true or false.
	activateSet bool
}

// params reads the file's start, as the wizard's upload does, and makes
// the import's parameters from it and the flags.
func (o importFlags) params(ctx context.Context, d imports.Deps, kind imports.Kind, path string) (imports.Params, error) {
	pre, err := imports.PrepareFor(kind, path, filepath.Base(path), d.Limits)
	if err != nil {
		return imports.Params{}, err
	}
	mapping, err := overrideMapping(pre, o.specs)
	if err != nil {
		return imports.Params{}, err
	}
	send := *o.activate
	if !o.activateSet && kind == imports.KindContacts {
		if send, err = d.Store.ActivationAuto(ctx); err != nil {
			return imports.Params{}, err
		}
	}
	return imports.Params{Kind: kind, Path: path, Filename: filepath.Base(path), Dialect: pre.Dialect, Map: mapping,
		Mode: imports.Mode(*o.mode), Match: imports.Match(*o.match), Blank: imports.Blank(*o.blank), DryRun: *o.dry,
		SendActivation: send}, nil
}

// readable checks the file to import before anything opens it, so that
// a mistyped name is told in one sentence.
func readable(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("there is no file %s", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%s cannot be read: permission denied", path)
	case err != nil:
		return fmt.Errorf("%s cannot be read: %w", path, errors.Unwrap(err))
	case fi.IsDir():
		return fmt.Errorf("%s is a folder; give a CSV or Excel file", path)
	}
	return nil
}

// overrideMapping applies the --map specs on top of the suggested
// mapping and returns the whole mapping as specs; nil (no --map) keeps
// the suggestion.
func overrideMapping(pre *imports.Preview, specs []string) ([]string, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	m, err := pre.Mapping.With(specs)
	if err != nil {
		return nil, err
	}
	// Not nil even with every column skipped: nil would mean "suggest".
	return append([]string{}, m.Specs()...), nil
}
