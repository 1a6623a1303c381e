package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

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
		d := imports.Deps{Store: st, FilesDir: e.cfg.FilesDir, Log: e.log}
		d.Limits.MaxBytes, d.Limits.MaxRows = int64(e.cfg.ImportMaxMB)<<20, e.cfg.ImportMaxRows
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

// runImport starts the import, resuming an interrupted one first, and
// runs jobs until it ends.
func runImport(ctx context.Context, e *env, d imports.Deps, p imports.Params) error {
	r := jobs.NewRunner(d.Store, e.log)
	r.Workers, r.Lease = 1, e.cfg.JobLease
	imports.Register(r, d)
	// The runner starts only once Start has looked, or it could take up
	// an interrupted import first and make it look busy to Start. On the
	// way out it gives its lease back before the store closes.
	rctx, stop := context.WithCancel(ctx)
	var once sync.Once
	done := make(chan struct{})
	run := func() { once.Do(func() { go func() { r.Run(rctx); close(done) }() }) }
	defer func() {
		stop()
		once.Do(func() { close(done) })
		<-done
	}()
	actor := model.Actor{Name: "Command line import"}
	for {
		id, err := imports.Start(ctx, d, r, actor, p)
		var be *imports.BusyError
		if errors.As(err, &be) && !be.Live && be.ImportID != 0 {
			same := sameFile(ctx, d, be.ImportID, p)
			fmt.Fprintf(e.stderr, "Resuming interrupted import %d (%s).\n", be.ImportID, be.Filename)
			run()
			im, err := follow(ctx, e, d, be.ImportID)
			if err != nil {
				return err
			}
			if same {
				return summary(ctx, e, d, im)
			}
			continue
		}
		if err != nil {
			return describeRefusal(err)
		}
		run()
		im, err := follow(ctx, e, d, id)
		if err != nil {
			return err
		}
		return summary(ctx, e, d, im)
	}
}

// sameFile reports an interrupted import of the same kind of the file
// p names, so that running the same command again after a crash finishes
// that import instead of starting another.
func sameFile(ctx context.Context, d imports.Deps, id int64, p imports.Params) bool {
	im, err := d.Store.Import(ctx, id)
	if p.PluginInstance != 0 {
		return err == nil && !im.DryRun && im.PluginInstanceID == p.PluginInstance
	}
	fi, serr := os.Stat(p.Path)
	return err == nil && serr == nil && !im.DryRun && im.Kind == string(p.Kind) && im.Filename == filepath.Base(p.Path) &&
		im.Size == fi.Size()
}

// describeRefusal words a refused file or mapping for the terminal.
func describeRefusal(err error) error {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	msgs := make([]string, 0, len(ve.Fields))
	for _, m := range ve.Fields {
		msgs = append(msgs, m)
	}
	return errors.New(strings.Join(msgs, " "))
}

// follow shows an import's progress until it ends.
func follow(ctx context.Context, e *env, d imports.Deps, id int64) (*model.Import, error) {
	bar := newProgress(e.stderr, "Importing", "row")
	for {
		im, err := imports.Get(ctx, d, id)
		if err != nil {
			return nil, err
		}
		if im.RowsTotal > 0 || im.State.Finished() { // not while the rows are counted
			bar.show(im.Rows(), im.RowsTotal, rowCounts(im))
		}
		if im.State.Finished() {
			bar.end()
			return im, nil
		}
		select {
		case <-ctx.Done():
			bar.end()
			if held := heldActivations(context.WithoutCancel(ctx), d, im, e.cfg.BaseURL); held != "" {
				fmt.Fprintln(e.stdout, held)
			}
			return nil, fmt.Errorf("stopped; import %d resumes where it stopped when portico runs again", id)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// rowCounts says what became of an import's rows so far.
func rowCounts(im *model.Import) string {
	return fmt.Sprintf("%s created · %s updated · %s skipped · %s failed",
		wording.Number(im.Created), wording.Number(im.Updated), wording.Number(im.Skipped), wording.Number(im.Failed))
}
