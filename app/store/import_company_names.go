package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/events"
)

// Companies returns the ids of companies by name, compared as company
// names are, creating (and auditing) the ones that do not exist yet. The
// map's keys are the names as given.
func (b *ImportTx) Companies(ctx context.Context, names []string) (map[string]int64, error) {
	out := make(map[string]int64, len(names))
	if len(names) == 0 {
		return out, nil
	}
	byNorm := make(map[string]int64, len(names))
	norms := make([]any, len(names))
	for i, name := range names {
		norms[i] = companyNorm(name)
	}
	err := b.each(ctx, `SELECT name_norm, id FROM companies WHERE name_norm IN (%s)`, norms, func(scan func(...any) error) error {
		var norm string
		var id int64
		if err := scan(&norm, &id); err != nil {
			return err
		}
		byNorm[norm] = id
		return nil
	})
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, name := range names {
		if _, ok := byNorm[companyNorm(name)]; !ok {
			byNorm[companyNorm(name)] = 0
			missing = append(missing, name)
		}
	}
	if err := b.createCompanies(ctx, missing, byNorm); err != nil {
		return nil, err
	}
	for _, name := range names {
		out[name] = byNorm[companyNorm(name)]
	}
	return out, nil
}

// createCompanies creates the companies an import names, each with its
// audit entry and company.created event, by multi-row INSERTs, and puts
// their ids in byNorm.
func (b *ImportTx) createCompanies(ctx context.Context, names []string, byNorm map[string]int64) error {
	if len(names) == 0 {
		return nil
	}
	now := b.s.Now()
	rows := rowSet{head: `INSERT INTO companies (name, name_norm, created_at, updated_at)`, tail: ` RETURNING id, name_norm`, cols: 4}
	rows.grow(len(names))
	for i, name := range names {
		rows.add(i, name, companyNorm(name), now, now)
	}
	if err := b.returning(ctx, &rows, byNorm); err != nil {
		return err
	}
	var actorID any
	if b.actor.ID != 0 {
		actorID = b.actor.ID
	}
	audit := rowSet{head: `INSERT INTO audit_entries (subject_type, subject_id, actor_id, actor_name, action, changes, created_at)`, cols: 7}
	evs := b.s.bulkEvents(b.tx)
	audit.grow(len(names))
	for i, name := range names {
		id := byNorm[companyNorm(name)]
		audit.add(i, "company", id, actorID, b.actor.Name, "created", "[]", now)
		co := events.Company{ID: id, Name: name, Domains: []string{}, CreatedAt: now.UTC(), UpdatedAt: now.UTC()}
		if err := evs.add(events.CompanyCreated{Company: co}, now); err != nil {
			return err
		}
	}
	if err := flushRows(ctx, b.tx, &audit, wrapped("audit_entries")); err != nil {
		return err
	}
	return nil
}

// returning inserts rows whose INSERT returns (id, key), putting each id
// in ids under its key.
func (b *ImportTx) returning(ctx context.Context, r *rowSet, ids map[string]int64) error {
	for lo := 0; lo < len(r.owner); {
		hi := lo + chunkSize(len(r.owner)-lo)
		res, err := b.tx.QueryContext(ctx, insertSQL(r, hi-lo), r.args[lo*r.cols:hi*r.cols]...)
		if err != nil {
			return fmt.Errorf("store: import companies: %w", err)
		}
		for res.Next() {
			var id int64
			var key string
			if err := res.Scan(&id, &key); err != nil {
				res.Close()
				return fmt.Errorf("store: import companies: %w", err)
			}
			ids[key] = id
		}
		err = res.Close()
		if err == nil {
			err = res.Err()
		}
		if err != nil {
			return fmt.Errorf("store: import companies: %w", err)
		}
		lo = hi
	}
	return nil
}
