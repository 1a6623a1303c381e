package imports

import (
	"context"
	"errors"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// companyApplier decides a row of a companies file within a batch and
// writes it; the real import and the dry run differ only here.
type companyApplier func(ctx context.Context, b *store.ImportTx, pl *companyPlanner, r *companyRow) (companyStep, error)

// applyCompany plans a row against the batch's transaction, which holds
// what the earlier rows wrote, and writes it as the company form does.
// A company the database refuses fails its row.
func applyCompany(ctx context.Context, b *store.ImportTx, pl *companyPlanner, r *companyRow) (companyStep, error) {
	s, err := pl.plan(ctx, b, r)
	switch {
	case err != nil:
		return s, err
	case s.out == outCreate:
		_, err = b.CreateCompany(ctx, s.fields)
	case s.out == outUpdate:
		err = b.UpdateCompany(ctx, s.id, s.fields)
	}
	var ve *model.ValidationError
	if errors.As(err, &ve) || errors.Is(err, model.ErrConflict) {
		return s.fail(companyRefusal(err)), nil
	}
	return s, err
}

// companyRefusal words a refusal of the store for the failed-rows file.
func companyRefusal(err error) string {
	var te *model.CompanyTakenError
	if errors.As(err, &te) {
		return "Name: the company “" + te.Name + "” already has this name."
	}
	return describe(err)
}

// runCompanies applies a companies file's rows after its checkpoint, one
// after another, committing them a batch at a time with their failed
// rows, counts and checkpoint, and calls save after each commit.
func (d Deps) runCompanies(ctx context.Context, im *model.Import, how companyApplier, save func(Progress) error) error {
	f, err := d.openFile(im)
	if err != nil {
		return err
	}
	defer f.Close()
	pl := &companyPlanner{m: f.m, params: paramsOf(im)}
	if err := f.rd.SkipTo(im.LastRow); err != nil && !isEOF(err) {
		return err
	}
	actor := d.actor(ctx, im)
	ctx = store.Bulk(ctx) // an import's events go in the bulk lane
	prog := Progress{Total: im.RowsTotal, LastRow: im.LastRow, ImportCounts: im.ImportCounts, start: time.Now(), from: im.Rows()}
	for {
		rows, err := f.readCompanies(d.batchSize())
		if err != nil || len(rows) == 0 {
			return err
		}
		var n model.ImportCounts
		to := rows[len(rows)-1].row.Number
		err = d.Store.ImportBatch(ctx, actor, im.ID, prog.LastRow, func(b *store.ImportTx) (int, model.ImportCounts, error) {
			var fails []model.ImportFailure
			for _, r := range rows {
				s, err := how(ctx, b, pl, r)
				if err != nil {
					return 0, n, err
				}
				n, fails = s.count(n, fails)
			}
			return to, n, b.Fail(ctx, fails)
		})
		if err != nil {
			return err
		}
		prog.LastRow, prog.ImportCounts = to, prog.ImportCounts.Add(n)
		if err := save(prog.measure()); err != nil {
			return tooLate(prog, err)
		}
	}
}

// count adds the step's outcome to n, and the row to fails when it failed.
func (s companyStep) count(n model.ImportCounts, fails []model.ImportFailure) (model.ImportCounts, []model.ImportFailure) {
	switch s.out {
	case outCreate:
		n.Created++
	case outUpdate:
		n.Updated++
	case outSkip:
		n.Skipped++
	case outFail:
		n.Failed++
		fails = append(fails, model.ImportFailure{Row: s.r.row.Number, Reason: s.reason, Cells: s.r.row.Cells})
	}
	return n, fails
}
