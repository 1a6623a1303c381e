package imports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// applier plans a batch's rows and writes what they do; the real import
// and the dry run differ only here.
type applier func(ctx context.Context, b *store.ImportTx, pl *planner, rows []*parsed) (steps []step, carry []*parsed, err error)

// apply is the real import's applier.
func apply(ctx context.Context, b *store.ImportTx, pl *planner, rows []*parsed) ([]step, []*parsed, error) {
	l, err := b.Lookup(ctx, lookupKeys(rows, pl.params.Match))
	if err != nil {
		return nil, nil, err
	}
	steps, carry := pl.planBatch(l, rows)
	return steps, carry, write(ctx, b, steps, pl.companies)
}

// run applies an import's rows after its checkpoint, batch by batch,
// calling save after each commit. It returns save's error, such as a
// cancellation, as it is, unless the cancellation came too late to stop
// any row (see tooLate).
func (d Deps) run(ctx context.Context, im *model.Import, how applier, save func(Progress) error) error {
	f, err := d.openFile(im)
	if err != nil {
		return err
	}
	defer f.Close()
	pl := &planner{m: f.m, params: paramsOf(im), companies: map[string]int64{}}
	if err := f.rd.SkipTo(im.LastRow); err != nil && !isEOF(err) {
		return err
	}
	actor := d.actor(ctx, im)
	prog := Progress{Total: im.RowsTotal, LastRow: im.LastRow, ImportCounts: im.ImportCounts, start: time.Now(), from: im.Rows()}
	rd := f.prefetch(d.batchSize())
	defer rd.close()
	// A batch's statements run without the job's cancellation, which
	// go-sqlite3 would watch from a goroutine per statement; a batch takes
	// moments, and a cancelled import stops after it, at save.
	// Its events go in the bulk lane.
	bctx := store.Bulk(context.WithoutCancel(ctx))
	var carry []*parsed
	for {
		rows, err := rd.read(carry, d.batchSize())
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return d.finishStream(bctx, f, actor, im.ID, prog.LastRow)
		}
		var n model.ImportCounts
		var to int
		err = d.Store.ImportBatch(bctx, actor, im.ID, prog.LastRow, func(b *store.ImportTx) (int, model.ImportCounts, error) {
			if b.Again() {
				clear(pl.companies)
			}
			if err := f.writeDue(bctx, b, rows[len(rows)-1].row.Number); err != nil {
				return 0, n, err
			}
			var steps []step
			var err error
			if steps, carry, err = how(bctx, b, pl, rows); err != nil {
				return 0, n, err
			}
			var fails []model.ImportFailure
			n, fails = tally(steps)
			to = steps[len(steps)-1].p.row.Number
			if err := f.saveCursor(bctx, b, to); err != nil {
				return 0, n, err
			}
			return to, n, b.Fail(bctx, fails)
		})
		if err != nil {
			return err
		}
		f.committed()
		prog.LastRow, prog.ImportCounts = to, prog.ImportCounts.Add(n)
		if err := save(prog.measure()); err != nil {
			return tooLate(prog, err)
		}
	}
}

func (d Deps) batchSize() int {
	if d.BatchSize > 0 {
		return d.BatchSize
	}
	return 2000
}

// actor is who the audit trail names for an import's changes.
func (d Deps) actor(ctx context.Context, im *model.Import) model.Actor {
	a := model.Actor{Name: fmt.Sprintf("Import %d", im.ID)}
	if im.CreatedBy == 0 {
		return a
	}
	if ag, err := d.Store.AgentByID(ctx, im.CreatedBy); err == nil {
		a = model.Actor{ID: ag.ID, Name: ag.Name}
	}
	return a
}

func paramsOf(im *model.Import) Params {
	return Params{Mode: Mode(im.Mode), Match: Match(im.Match), Blank: Blank(im.Blank), DryRun: im.DryRun}
}

func isEOF(err error) bool { return errors.Is(err, io.EOF) }
