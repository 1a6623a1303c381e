package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// webhookCursor is the settings key holding the position of the last
// event fanned out to webhook endpoints.
const webhookCursor = "webhooks.cursor"

// FanOutEvents turns up to limit events past the cursor into one delivery
// per enabled endpoint that wants each, and moves the cursor past them,
// in one transaction: an event is fanned out exactly once, even across a
// crash. It returns how many events it read.
//
// The cursor relies on positions committing in order, which SQLite's one
// writer guarantees; a PostgreSQL backend needs a commit-ordered feed.
func (s *Store) FanOutEvents(ctx context.Context, limit int) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cursor, err := readCursor(ctx, tx)
		if err != nil {
			return err
		}
		evs, err := eventsAfter(ctx, tx, cursor, limit)
		if err != nil || len(evs) == 0 {
			return err
		}
		eps, err := enabledEndpoints(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.insertDeliveries(ctx, tx, evs, eps); err != nil {
			return err
		}
		n = len(evs)
		_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, webhookCursor, strconv.FormatInt(evs[n-1].pos, 10))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: fan out events: %w", err)
	}
	return n, nil
}

type cursorEvent struct {
	pos      int64
	id, kind string
}

func readCursor(ctx context.Context, tx *sql.Tx) (int64, error) {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, webhookCursor).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

func eventsAfter(ctx context.Context, tx *sql.Tx, cursor int64, limit int) ([]cursorEvent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT position, id, type FROM events WHERE position > $1 ORDER BY position LIMIT $2`, cursor, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cursorEvent
	for rows.Next() {
		var e cursorEvent
		if err := rows.Scan(&e.pos, &e.id, &e.kind); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
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

// insertDeliveries creates the deliveries of evs, many rows to a
// statement. Test events go only to the endpoint they were sent to, when
// they are written.
func (s *Store) insertDeliveries(ctx context.Context, tx *sql.Tx, evs []cursorEvent, eps []model.WebhookEndpoint) error {
	var args []any
	for _, ev := range evs {
		for _, ep := range eps {
			if ev.kind != events.TypeTest && ep.Wants(ev.kind) {
				args = append(args, ep.ID, ev.id, ev.kind)
			}
		}
	}
	now := s.Now()
	for chunk := range slices.Chunk(args, 3*deliveryRows) {
		rows := make([]string, len(chunk)/3)
		params := make([]any, 0, len(chunk)/3*4)
		for i := range rows {
			n := 4*i + 1
			rows[i] = fmt.Sprintf("($%d, $%d, $%d, $%d, $%d, $%d)", n, n+1, n+2, n+3, n+3, n+3)
			params = append(params, chunk[3*i], chunk[3*i+1], chunk[3*i+2], now)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, next_attempt_at,
			created_at, updated_at) VALUES `+strings.Join(rows, ", "), params...); err != nil {
			return err
		}
		s.outbox.deliveries.mark()
	}
	return nil
}

// deliveryRows is how many deliveries one INSERT of the fan-out writes.
const deliveryRows = 200
