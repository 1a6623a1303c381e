package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ErrImportMoved means an import's checkpoint is no longer where a batch
// started: another worker committed those rows, so this one must stop.
var ErrImportMoved = errors.New("store: import checkpoint moved")

// ImportTx is one batch of an import: the transaction in which its rows'
// lookups and writes, its failed rows and its checkpoint commit together.
type ImportTx struct {
	s     *Store
	tx    *sql.Tx
	actor model.Actor
	id    int64
	// careful is set when the batch runs again after an insert failed
	// without a savepoint to undo it.
	careful bool
}

// errRetryCarefully rolls a batch back so that it runs again with its
// inserts in savepoints. An insert the database refuses is rare, because
// a batch looks its rows' keys up in its own transaction first, and a
// savepoint makes SQLite copy every page an insert touches, so batches
// insert without one first.
var errRetryCarefully = errors.New("store: write refused without a savepoint")

// ImportBatch runs fn in one transaction for the rows after row from of
// an import. fn returns the row number it got to and the counts of its
// rows; they are added to the import's counters and the checkpoint moves
// to that row, in the same transaction. When the checkpoint is not at
// from any more, nothing is written and ErrImportMoved is returned.
// fn may run twice, the first run rolled back: see Again.
func (s *Store) ImportBatch(ctx context.Context, actor model.Actor, id int64, from int,
	fn func(b *ImportTx) (int, model.ImportCounts, error)) error {
	err := s.importBatch(ctx, &ImportTx{s: s, actor: actor, id: id}, from, fn)
	if errors.Is(err, errRetryCarefully) {
		err = s.importBatch(ctx, &ImportTx{s: s, actor: actor, id: id, careful: true}, from, fn)
	}
	return err
}

// Again reports that the batch runs for the second time, after its first
// run was rolled back: whatever fn kept from that run, such as the ids of
// companies it created, no longer exists.
func (b *ImportTx) Again() bool { return b.careful }

func (s *Store) importBatch(ctx context.Context, b *ImportTx, from int, fn func(b *ImportTx) (int, model.ImportCounts, error)) error {
	id := b.id
	return s.tx(ctx, func(tx *sql.Tx) error {
		b.tx = tx
		to, n, err := fn(b)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE imports SET last_row = $1, rows_done = rows_done + $2, created = created + $3,
			updated = updated + $4, skipped = skipped + $5, failed = failed + $6 WHERE id = $7 AND last_row = $8`,
			to, n.Rows(), n.Created, n.Updated, n.Skipped, n.Failed, id, from)
		if err != nil {
			return fmt.Errorf("store: checkpoint import %d: %w", id, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return fmt.Errorf("store: import %d from row %d: %w", id, from, ErrImportMoved)
		}
		return nil
	})
}

// Fail records rows the import could not apply.
func (b *ImportTx) Fail(ctx context.Context, rows []model.ImportFailure) error {
	for _, f := range rows {
		cells, err := json.Marshal(f.Cells)
		if err != nil {
			return fmt.Errorf("store: encode failed row %d: %w", f.Row, err)
		}
		_, err = b.tx.ExecContext(ctx, `INSERT INTO import_failures (import_id, row_no, reason, cells) VALUES ($1, $2, $3, $4)`,
			b.id, f.Row, f.Reason, string(cells))
		if err != nil {
			return fmt.Errorf("store: record failed row %d of import %d: %w", f.Row, b.id, err)
		}
	}
	return nil
}

// Insert adds new contacts as InsertContacts does. On a *BulkError only
// this insert is undone, so the caller can set that contact aside and
// insert the rest within the same batch. Until the batch runs again
// carefully, a refusal instead fails the batch, to be run again.
func (b *ImportTx) Insert(ctx context.Context, in []NewContact) ([]int64, error) {
	var ids []int64
	write := func() error {
		var err error
		if ids, err = b.s.insertBulk(ctx, b.tx, b.actor, in); err != nil {
			return err
		}
		return b.noteActivations(ctx, ids)
	}
	if b.careful {
		return ids, b.savepoint(ctx, "import_insert", write)
	}
	err := write()
	if be := (*BulkError)(nil); errors.As(err, &be) {
		return nil, errRetryCarefully
	}
	return ids, err
}

// savepoint runs fn and undoes what it wrote when it fails, leaving the
// rest of the transaction as it was.
func (b *ImportTx) savepoint(ctx context.Context, name string, fn func() error) error {
	evs := b.s.bulkEvents(b.tx)
	kept := len(evs.evs)
	if _, err := b.tx.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return fmt.Errorf("store: savepoint: %w", err)
	}
	if err := fn(); err != nil {
		evs.evs = evs.evs[:kept]
		if _, rerr := b.tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+name); rerr != nil {
			return fmt.Errorf("store: roll back to savepoint: %w (after %w)", rerr, err)
		}
		b.tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name)
		return err
	}
	if _, err := b.tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name); err != nil {
		return fmt.Errorf("store: release savepoint: %w", err)
	}
	return nil
}
