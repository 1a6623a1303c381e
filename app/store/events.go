package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/portico-hub/portico/app/events"
)

// WriteEventTx writes an event inside a write transaction that a store
// method holds, so the change and its event commit together or not at
// all (a transactional outbox). Code that changes a contact's state, such
// as verifying it or sending its activation email, calls it as
//
//	s.WriteEventTx(ctx, tx, events.ContactVerified{Contact: c, Method: "passkey", VerifiedAt: now})
//
// with c from ContactSnapshotTx. Workers see the event once it commits.
// Under a ctx marked Bulk the event joins the transaction's bulk batch.
func (s *Store) WriteEventTx(ctx context.Context, tx *sql.Tx, p events.Payload) error {
	if isBulk(ctx) {
		return s.bulkEvents(tx).add(p, s.Now())
	}
	ev, err := events.New(p, s.Now())
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO events (id, type, payload, contact_id, company_id, resource, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, ev.ID, ev.Type, string(ev.Payload), nullableID(ev.ContactID), nullableID(ev.CompanyID),
		ev.Resource, ev.CreatedAt)
	if err != nil {
		return fmt.Errorf("store: write event %s: %w", ev.Type, err)
	}
	s.outbox.events.mark()
	return nil
}

// EventsCommitted returns a channel that is closed when a transaction
// that wrote an event commits, so the fan-out wakes at once.
func (s *Store) EventsCommitted() <-chan struct{} { return s.outbox.events.wait() }

// DeliveriesDue returns a channel that is closed when a transaction that
// made webhook deliveries due commits, so the senders wake at once.
func (s *Store) DeliveriesDue() <-chan struct{} { return s.outbox.deliveries.wait() }

// outboxSignals wake the workers of the outbox after a commit.
type outboxSignals struct {
	events, deliveries signal
}

// wakeups are the signals a transaction marked, to fire once it commits.
type wakeups []*signal

// take returns the signals marked since the last take and clears them.
func (o *outboxSignals) take() wakeups {
	var w wakeups
	for _, g := range []*signal{&o.events, &o.deliveries} {
		if g.pending.Swap(false) {
			w = append(w, g)
		}
	}
	return w
}

func (w wakeups) fire() {
	for _, g := range w {
		g.fire()
	}
}

// signal wakes every waiter when a transaction that marked it commits.
// The zero value is ready to use.
type signal struct {
	mu      sync.Mutex
	ch      chan struct{}
	pending atomic.Bool
}

// mark is called inside a transaction whose commit should wake waiters.
func (g *signal) mark() { g.pending.Store(true) }

func (g *signal) wait() <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ch == nil {
		g.ch = make(chan struct{})
	}
	return g.ch
}

func (g *signal) fire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ch != nil {
		close(g.ch)
		g.ch = nil
	}
}
