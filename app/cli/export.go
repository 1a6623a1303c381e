package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/wording"
)

var exportCommand = command{
	name:    "export",
	usage:   "portico export contacts [flags] -o FILE",
	summary: "export contacts to a CSV or Excel file",
	about: "Writes contacts to a CSV or Excel file with the writer of the web UI's exports. Progress goes to stderr; the file appears under its name only once it is complete. " +
		"Cells starting with = + - @ are neutralised so spreadsheets never run them, unless --no-neutralise.",
	examples: []string{
		"portico export contacts -o contacts.csv                            # every contact but deleted ones",
		"portico export contacts --format xlsx -o verified.xlsx --view verified",
		"portico export contacts -o phones.csv --fields name,phone,mobile --bom=false",
	},
	actions:  []string{"contacts"},
	settings: []string{"db", "log-level", "log-format"},
	flags:    exportCmd,
}

// exportCmd runs `portico export contacts --format csv|xlsx -o FILE`: the
// writer of the web UI's exports, straight to a file, with its progress
// on stderr. The file appears under its name only once it is complete.
func exportCmd(fs *flag.FlagSet, e *env) func(context.Context) error {
	format := fs.String("format", "csv", "csv or xlsx")
	out := fs.String("o", "", "the file to write")
	fields := fs.String("fields", strings.Join(exports.DefaultFields(), ","), "the fields to write, comma-separated, from: "+fieldKeys())
	view := fs.String("view", "", "only contacts in this state: verified, unverified, blocked or deleted (default: all but deleted)")
	bom := fs.Bool("bom", true, "start a CSV with a byte order mark, which Excel needs to read UTF-8; --bom=false leaves it out")
	raw := fs.Bool("no-neutralise", false, "write cells starting with = + - @ as they are: in CSV without the apostrophe that keeps spreadsheets from running them, in Excel without the Text format")
	return func(ctx context.Context) error {
		spec := exports.Spec{Format: *format, Fields: []string{*fields}, BOM: *bom, Neutralise: !*raw,
			Query: model.ContactQuery{View: model.State(*view)}}
		switch {
		case *out == "":
			return errors.New("give the file to write: -o FILE")
		case *format != exports.FormatCSV && *format != exports.FormatXLSX:
			return fmt.Errorf("--format %q: use csv or xlsx", *format)
		case *view != "" && !spec.Query.View.Valid():
			return fmt.Errorf("--view %q: use verified, unverified, blocked or deleted", *view)
		}
		st, err := openStore(ctx, e.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		n, err := writeExport(ctx, st, spec, *out, newProgress(e.stderr, "Exporting", "contact"))
		if err != nil {
			return describeRefusal(err)
		}
		fmt.Fprintf(e.stdout, "Exported %s to %s.\n", wording.Count(n, "contact"), *out)
		return nil
	}
}

// writeExport writes next to path and renames the file when it is done.
func writeExport(ctx context.Context, st *store.Store, spec exports.Spec, path string, p *progress) (int, error) {
	if err := writableFolder(path); err != nil {
		return 0, err
	}
	part := path + ".part"
	f, err := os.Create(part)
	if err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(part)
	n, err := exports.Write(ctx, st, spec, f, func(done, total int) { p.show(done, total, "") })
	p.end()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, path)
	}
	return n, err
}

// writableFolder checks that the folder of path exists, so that a
// mistyped folder is told by name.
func writableFolder(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("the folder %s does not exist; create it first or choose another -o", dir)
	case err != nil:
		return fmt.Errorf("cannot use the folder %s: %w", dir, errors.Unwrap(err))
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	}
	return nil
}

// fieldKeys lists the export's field keys, for --fields' help.
func fieldKeys() string {
	keys := make([]string, len(exports.Fields))
	for i, f := range exports.Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}
