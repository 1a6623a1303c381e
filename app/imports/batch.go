package imports

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// planBatch plans rows in order until one must wait for the next batch;
// that row and the ones after it are returned as carry. The steps live
// until the next call, which reuses their memory: a batch's plan is done
// with once it is written, and a new one for each batch of a million-row
// file would give the garbage collector most of its work.
func (pl *planner) planBatch(l *store.ImportLookup, rows []*parsed) (steps []step, carry []*parsed) {
	if pl.touched == nil {
		pl.touched = make(touched, 2*len(rows))
	}
	clear(pl.touched)
	clear(pl.steps)
	steps = pl.steps[:0]
	for i, p := range rows {
		s, wait := pl.plan(p, l, pl.touched)
		if wait {
			carry = rows[i:]
			break
		}
		steps = append(steps, s)
	}
	pl.steps = steps
	return steps, carry
}

// write applies planned steps within the batch's transaction. A contact
// the database refuses fails its row; the others are written.
// ids caches company ids by lower-case name for the rest of the run; a
// run ends at its first failed batch, so it never outlives a rollback.
func write(ctx context.Context, b *store.ImportTx, steps []step, ids map[string]int64) error {
	var missing []string
	for _, n := range companyNames(steps) {
		if _, ok := ids[strings.ToLower(n)]; !ok {
			missing = append(missing, n)
		}
	}
	byName, err := b.Companies(ctx, missing)
	if err != nil {
		return err
	}
	if len(ids) > 200_000 {
		clear(ids)
	}
	for name, id := range byName {
		ids[strings.ToLower(name)] = id
	}
	if err := insert(ctx, b, steps, ids); err != nil {
		return err
	}
	var ups []store.ContactUpdate
	var at []int
	for i, s := range steps {
		if s.out == outUpdate {
			s.update.Companies = idsOf(joins(s.update), ids)
			if a := s.update.Access; a != nil {
				a.CompanyID = ids[strings.ToLower(a.Company)]
			}
			ups, at = append(ups, s.update), append(at, i)
		}
	}
	refused, err := b.Update(ctx, ups)
	if err != nil {
		return err
	}
	for k, err := range refused {
		steps[at[k]].out, steps[at[k]].reason = outFail, describe(err)
	}
	return nil
}

// insert creates the batch's new contacts, setting aside each one the
// store refuses and trying the rest again.
func insert(ctx context.Context, b *store.ImportTx, steps []step, companies map[string]int64) error {
	var at []int
	var in []store.NewContact
	for i, s := range steps {
		if s.out == outCreate {
			s.create.Companies = idsOf(s.p.companies, companies)
			at, in = append(at, i), append(in, s.create)
		}
	}
	for len(in) > 0 {
		_, err := b.Insert(ctx, in)
		var be *store.BulkError
		if !errors.As(err, &be) {
			return err
		}
		steps[at[be.Index]].out, steps[at[be.Index]].reason = outFail, describe(be.Err)
		at = append(at[:be.Index], at[be.Index+1:]...)
		in = append(in[:be.Index], in[be.Index+1:]...)
	}
	return nil
}

func companyNames(steps []step) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range steps {
		if s.out != outCreate && s.out != outUpdate {
			continue
		}
		names := s.p.companies
		if a := s.update.Access; s.out == outUpdate && a != nil {
			names = append(slices.Clip(names), a.Company)
		}
		for _, n := range names {
			if k := strings.ToLower(n); !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// idsOf returns the ids of company names, from ids keyed by lower case.
// joins are the companies an update adds its contact to: those its
// changes name. The row's other companies are the contact's already.
func joins(u store.ContactUpdate) []string {
	var out []string
	for _, c := range u.Changes {
		if c.Field == "company" {
			out = append(out, c.To)
		}
	}
	return out
}

func idsOf(names []string, ids map[string]int64) []int64 {
	var out []int64
	for _, n := range names {
		if id, ok := ids[strings.ToLower(n)]; ok {
			out = append(out, id)
		}
	}
	return out
}

// describe words a refusal of the store for the failed-rows file.
func describe(err error) string {
	var te *model.EmailTakenError
	var ve *model.ValidationError
	switch {
	case errors.As(err, &te) && te.ContactID == 0:
		return fmt.Sprintf("Email: %s belongs to an agent.", te.Email)
	case errors.As(err, &te):
		return fmt.Sprintf("Email: %s belongs to contact %d.", te.Email, te.ContactID)
	case errors.As(err, &ve):
		fields := make([]string, 0, len(ve.Fields))
		for f := range ve.Fields {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for i, f := range fields {
			fields[i] = f + ": " + ve.Fields[f]
		}
		return strings.Join(fields, " ")
	}
	return "This row could not be saved."
}

// tally counts the steps' outcomes and lists the failed rows.
func tally(steps []step) (model.ImportCounts, []model.ImportFailure) {
	var n model.ImportCounts
	var fails []model.ImportFailure
	for _, s := range steps {
		switch s.out {
		case outCreate:
			n.Created++
		case outUpdate:
			n.Updated++
		case outSkip:
			n.Skipped++
		case outFail:
			n.Failed++
			fails = append(fails, model.ImportFailure{Row: s.p.row.Number, Reason: s.reason, Cells: s.p.row.Cells})
		}
	}
	return n, fails
}
