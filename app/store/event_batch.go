package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/events"
)

type bulkKey struct{}

// Bulk marks ctx as bulk work: the events of the transactions run with
// it go in the bulk lane, compacted into one row per transaction, so
// they never delay an interactive event's delivery and cost a fraction
// of a row each.
func Bulk(ctx context.Context) context.Context { return context.WithValue(ctx, bulkKey{}, true) }

func isBulk(ctx context.Context) bool { b, _ := ctx.Value(bulkKey{}).(bool); return b }

// eventBatch collects a transaction's bulk-lane events, written as one
// events row just before the transaction commits.
type eventBatch struct {
	evs []events.Event
}

// add encodes p as the batch's next entry.
func (b *eventBatch) add(p events.Payload, at time.Time) error {
	ev, err := events.New(p, at)
	if err != nil {
		return err
	}
	b.evs = append(b.evs, ev)
	return nil
}

// flush writes the batch's row. Entries past events.MaxBatch go in a
// second row, and so on.
func (b *eventBatch) flush(ctx context.Context, tx *sql.Tx) error {
	for len(b.evs) > 0 {
		n := min(len(b.evs), events.MaxBatch)
		if err := writeBatch(ctx, tx, b.evs[:n]); err != nil {
			return err
		}
		b.evs = b.evs[n:]
	}
	return nil
}

func writeBatch(ctx context.Context, tx *sql.Tx, evs []events.Event) error {
	id := events.NewBatchID()
	var types []string
	var contacts, companies span
	for _, e := range evs {
		if !strings.Contains(" "+strings.Join(types, " ")+" ", " "+e.Type+" ") {
			types = append(types, e.Type)
		}
		contacts.add(e.ContactID)
		companies.add(e.CompanyID)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events (id, type, payload, lane, entries, batch, first_contact, last_contact,
		first_company, last_company, created_at) VALUES ($1, $2, '', 'bulk', $3, $4, $5, $6, $7, $8, $9)`,
		id, strings.Join(types, " "), len(evs), events.EncodeBatch(evs), contacts.lo, contacts.hi, companies.lo, companies.hi,
		evs[0].CreatedAt)
	if err != nil {
		return fmt.Errorf("store: write batch of %d events: %w", len(evs), err)
	}
	return nil
}

// span is the range of the subjects a batch holds, nil for none.
type span struct{ lo, hi any }

func (s *span) add(id int64) {
	if id == 0 {
		return
	}
	if s.lo == nil || id < s.lo.(int64) {
		s.lo = id
	}
	if s.hi == nil || id > s.hi.(int64) {
		s.hi = id
	}
}

// batchRegistry finds the batch of a transaction. It is keyed by the
// transaction, so concurrent writers each have their own.
type batchRegistry struct {
	mu sync.Mutex
	m  map[*sql.Tx]*eventBatch
}

// of returns tx's batch, opening it when it has none.
func (r *batchRegistry) of(tx *sql.Tx) *eventBatch {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[*sql.Tx]*eventBatch{}
	}
	if r.m[tx] == nil {
		r.m[tx] = &eventBatch{}
	}
	return r.m[tx]
}

// take removes and returns tx's batch, nil when it has none.
func (r *batchRegistry) take(tx *sql.Tx) *eventBatch {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.m[tx]
	delete(r.m, tx)
	return b
}

// bulkEvents returns the batch that the bulk writes of tx add their
// events to; the transaction writes it when fn returns.
func (s *Store) bulkEvents(tx *sql.Tx) *eventBatch {
	s.outbox.events.mark()
	return s.batches.of(tx)
}
