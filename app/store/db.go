package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/portico-hub/portico/app/model"
)

// Store is Portico's database. Writes go through a single connection, so
// SQLite never answers "database is locked" to a writer; reads use a pool,
// and a third connection checkpoints the WAL in the background.
type Store struct {
	w *sql.DB
	r *sql.DB
	// Now is the store's clock; tests replace it to move time.
	Now func() time.Time
	// outbox wakes the event and webhook workers after a commit.
	outbox outboxSignals
	// batches holds the bulk-lane events of the open transactions, and
	// decoded the batches a sender read last.
	batches batchRegistry
	decoded batchCache
	// Times, when set, adds up where bulk inserts spend their time.
	Times *WriteTimes
	// ckpt copies the WAL into the database off the commit path.
	ckpt     *checkpointer
	closed   sync.Once
	closeErr error
}

// Open opens (creating if needed) the SQLite database at path, applies
// pending migrations and starts the background checkpointer.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, defaultCheckpoints)
}

func open(ctx context.Context, path string, cfg checkpointConfig) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create %s: %w", dir, err)
		}
	}
	w := openPool(path, writer, cfg)
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{w: w, Now: func() time.Time { return time.Now().UTC() }}
	if err := s.Migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	s.r = openPool(path, reader, cfg)
	s.r.SetMaxOpenConns(8)
	s.r.SetMaxIdleConns(8)
	s.ckpt = startCheckpointer(path, w, cfg)
	return s, nil
}

// Close stops the checkpointer, which empties the WAL, then closes both
// connection pools. Calling it again does nothing more.
func (s *Store) Close() error {
	s.closed.Do(func() {
		s.closeErr = errors.Join(s.ckpt.close(), s.r.Close(), s.w.Close())
	})
	return s.closeErr
}

// Ping checks that the database answers, for /healthz.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// tx runs fn in a write transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	err = fn(tx)
	if b := s.batches.take(tx); b != nil && err == nil {
		start := time.Now()
		err = b.flush(ctx, tx)
		s.Times.add("events", start)
	}
	// The marks made so far are this transaction's own: no other can run
	// while it holds the one writer connection. Taken after the commit,
	// they could include the next transaction's, whose waiters would then
	// wake before its commit and miss it.
	wake := s.outbox.take()
	if err != nil {
		tx.Rollback()
		return err
	}
	start := time.Now()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.Times.add("commit", start)
	wake.fire()
	return nil
}

// isUnique reports whether err is a UNIQUE constraint violation, naming
// the column when col is not empty.
func isUnique(err error, col string) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) || se.ExtendedCode != sqlite3.ErrConstraintUnique {
		return false
	}
	return col == "" || strings.Contains(se.Error(), col)
}

// notFound turns sql.ErrNoRows into model.ErrNotFound with context.
func notFound(err error, what string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: %s %v: %w", what, id, model.ErrNotFound)
	}
	return fmt.Errorf("store: %s %v: %w", what, id, err)
}
