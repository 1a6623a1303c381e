package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// fillPayloads adds each delivery's event payload and time: an
// interactive event's from its row, all read in one query, and a bulk
// entry's from its decoded batch.
func (s *Store) fillPayloads(ctx context.Context, tx *sql.Tx, ds []model.WebhookDelivery) error {
	var rows []any
	for _, d := range ds {
		if d.Lane != events.LaneBulk {
			rows = append(rows, d.EventPosition)
		}
	}
	type event struct {
		payload string
		at      time.Time
	}
	byPos := make(map[int64]event, len(rows))
	err := eachIn(ctx, tx, `SELECT position, payload, created_at FROM events WHERE position IN (%s)`, rows,
		func(scan func(...any) error) error {
			var pos int64
			var e event
			if err := scan(&pos, &e.payload, &e.at); err != nil {
				return err
			}
			byPos[pos] = e
			return nil
		})
	if err != nil {
		return fmt.Errorf("events of %d deliveries: %w", len(ds), err)
	}
	for i := range ds {
		d := &ds[i]
		if d.Lane == events.LaneBulk {
			if err := s.fillEntry(ctx, tx, d); err != nil {
				return err
			}
			continue
		}
		e, ok := byPos[d.EventPosition]
		if !ok {
			return fmt.Errorf("event %s: %w", d.EventID, sql.ErrNoRows)
		}
		d.Payload, d.EventAt = []byte(e.payload), e.at
	}
	return nil
}

// fillEntry adds a bulk delivery's payload from its batch.
func (s *Store) fillEntry(ctx context.Context, q rowQuerier, d *model.WebhookDelivery) error {
	entries, err := s.batchEntries(ctx, q, d.EventPosition)
	if err != nil {
		return fmt.Errorf("event %s: %w", d.EventID, err)
	}
	if d.Entry >= len(entries) || entries[d.Entry].ID != d.EventID {
		return fmt.Errorf("event %s: not entry %d of batch %d: %w", d.EventID, d.Entry, d.EventPosition, sql.ErrNoRows)
	}
	d.Payload, d.EventAt = entries[d.Entry].Payload, entries[d.Entry].CreatedAt
	return nil
}

// readTx runs fn in a read-only transaction of the reader pool, so its
// reads see one snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}
