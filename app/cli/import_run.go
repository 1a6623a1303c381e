package cli

import (
	"context"
	"errors"
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
