package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// FanOutEvents handles up to limit events rows that the fan-out has not
// handled yet, oldest first, in one transaction: an interactive event
// becomes one delivery per enabled endpoint that wants it, and a bulk
// batch one stream per endpoint that wants any of its types, whose
// entries become deliveries as the endpoint takes them. Each row is
// marked as handled in the same transaction, so it is fanned out exactly
// once, even across a crash; marking rows, rather than moving a cursor,
// also holds when writers commit out of position order. It returns how
// many rows it handled.
func (s *Store) FanOutEvents(ctx context.Context, limit int) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		evs, err := unfanned(ctx, tx, limit)
		if err != nil || len(evs) == 0 {
			return err
		}
		eps, err := enabledEndpoints(ctx, tx)
		if err != nil {
			return err
		}
		f := &fanOut{s: s, tx: tx, now: s.Now()}
		for _, ev := range evs {
			if err := f.event(ctx, ev, eps); err != nil {
				return err
			}
		}
		if err := f.flush(ctx); err != nil {
			return err
		}
		n = len(evs)
		return markFanned(ctx, tx, evs)
	})
	if err != nil {
		return 0, fmt.Errorf("store: fan out events: %w", err)
	}
	return n, nil
}

// fanRow is an events row to fan out; types lists a batch's types.
type fanRow struct {
	pos             int64
	id, types, lane string
	resource        string
}

func unfanned(ctx context.Context, tx *sql.Tx, limit int) ([]fanRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT position, id, type, lane, resource FROM events WHERE NOT fanned_out
		ORDER BY position LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fanRow
	for rows.Next() {
		var e fanRow
		if err := rows.Scan(&e.pos, &e.id, &e.types, &e.lane, &e.resource); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func markFanned(ctx context.Context, tx *sql.Tx, evs []fanRow) error {
	pos := make([]any, len(evs))
	for i, e := range evs {
		pos[i] = e.pos
	}
	_, err := tx.ExecContext(ctx, `UPDATE events SET fanned_out = TRUE WHERE position IN (`+marks(1, len(pos))+`)`, pos...)
	return err
}

func enabledEndpoints(ctx context.Context, tx *sql.Tx) ([]model.WebhookEndpoint, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+endpointColumns+` FROM webhook_endpoints WHERE enabled ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.WebhookEndpoint
	for rows.Next() {
		e, err := scanEndpoint(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

// fanOut is one transaction of the fan-out: the deliveries it will
// insert, many rows to a statement.
type fanOut struct {
	s    *Store
	tx   *sql.Tx
	now  time.Time
	rows []newDelivery
}

// event fans one row out. Test events go only to the endpoint they were
// sent to, when they are written.
func (f *fanOut) event(ctx context.Context, ev fanRow, eps []model.WebhookEndpoint) error {
	for _, ep := range eps {
		switch {
		case ev.lane == events.LaneBulk && wantsAny(&ep, ev.types):
			if _, err := f.tx.ExecContext(ctx, `INSERT INTO webhook_streams (endpoint_id, event_position, created_at)
				VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, ep.ID, ev.pos, f.now); err != nil {
				return err
			}
			f.s.outbox.deliveries.mark()
		case ev.lane == events.LaneInteractive && ev.types != events.TypeTest && ep.Wants(ev.types):
			if err := f.pullForward(ctx, ep, ev); err != nil {
				return err
			}
			f.rows = append(f.rows, newDelivery{endpoint: ep.ID, id: ev.id, typ: ev.types, pos: ev.pos,
				lane: events.LaneInteractive, resource: ev.resource})
		}
	}
	return nil
}

func wantsAny(ep *model.WebhookEndpoint, types string) bool {
	for _, t := range strings.Fields(types) {
		if ep.Wants(t) {
			return true
		}
	}
	return false
}

// newDelivery is a delivery to insert.
type newDelivery struct {
	endpoint, pos int64
	entry         int
	id, typ, lane string
	resource      string
}

// flush inserts the deliveries collected so far. One already there (a
// bulk entry pulled forward, or materialised again after a crash) stays
// as it is.
func (f *fanOut) flush(ctx context.Context) error {
	for lo := 0; lo < len(f.rows); lo += deliveryRows {
		chunk := f.rows[lo:min(lo+deliveryRows, len(f.rows))]
		vals := make([]string, len(chunk))
		params := make([]any, 0, len(chunk)*8)
		for i, d := range chunk {
			n := 8*i + 1
			vals[i] = fmt.Sprintf("($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)", n, n+1, n+2, n+3, n+4, n+5, n+6, n+7, n+7, n+7)
			params = append(params, d.endpoint, d.id, d.typ, d.pos, d.entry, d.lane, d.resource, f.now)
		}
		if _, err := f.tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, event_position,
			entry, lane, resource, next_attempt_at, created_at, updated_at) VALUES `+strings.Join(vals, ", ")+`
			ON CONFLICT (event_id, endpoint_id) DO NOTHING`, params...); err != nil {
			return err
		}
		f.s.outbox.deliveries.mark()
	}
	f.rows = f.rows[:0]
	return nil
}

// deliveryRows is how many deliveries one INSERT of the fan-out writes.
const deliveryRows = 100
