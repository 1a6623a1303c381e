package imports

import (
	"context"
	"hash/maphash"
	"slices"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// dryRun counts what the import would do without writing a contact. It
// plans every row as the import does; what earlier rows would write is
// kept in an overlay that later rows see instead of the database. Only
// contacts reached by a key that occurs twice in the file are kept, which
// the counting pass finds, so the overlay stays small. It starts over
// when resumed: it changes nothing worth keeping.
func (d Deps) dryRun(ctx context.Context, im *model.Import, save func(Progress) error) error {
	o := newOverlay()
	match := Match(im.Match)
	total, err := d.count(im, func(p *parsed) { o.see(p, match) })
	if err != nil {
		return err
	}
	if err := d.Store.BeginImport(ctx, im.ID, total); err != nil {
		return err
	}
	im.RowsTotal, im.LastRow, im.ImportCounts = total, 0, model.ImportCounts{}
	im.SourceCursor, im.SourceRow = "", 0 // a dry run starts over, from the stream's start too
	return d.run(ctx, im, o.apply, save)
}

// overlay is what a dry run's earlier rows would have written.
type overlay struct {
	seed     maphash.Seed
	seen     map[uint64]uint8 // key hash → times seen, up to 2
	keys     map[string]int64 // key → contact, stored (> 0) or not (< 0)
	contacts map[int64]*store.ImportContact
	next     int64
}

func newOverlay() *overlay {
	return &overlay{seed: maphash.MakeSeed(), seen: map[uint64]uint8{}, keys: map[string]int64{},
		contacts: map[int64]*store.ImportContact{}}
}

// ownKeys are a row's addresses, external id and (matching by phone)
// number, the keys by which a later row can reach what it writes.
func ownKeys(p *parsed, match Match) []string {
	return p.keys(&store.ImportLookup{}, match)
}

func (o *overlay) see(p *parsed, match Match) {
	for _, k := range ownKeys(p, match) {
		if h := maphash.String(o.seed, k); o.seen[h] < 2 {
			o.seen[h]++
		}
	}
}

func (o *overlay) repeated(keys []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return o.seen[maphash.String(o.seed, k)] > 1 })
}

// apply is the dry run's applier: it plans against the database seen
// through the overlay and records instead of writing.
func (o *overlay) apply(ctx context.Context, b *store.ImportTx, pl *planner, rows []*parsed) ([]step, []*parsed, error) {
	l, err := b.Lookup(ctx, lookupKeys(rows, pl.params.Match))
	if err != nil {
		return nil, nil, err
	}
	o.patch(l, rows, pl.params.Match)
	steps, carry := pl.planBatch(l, rows)
	for _, s := range steps {
		o.record(s, l, pl.params.Match)
	}
	return steps, carry, nil
}
