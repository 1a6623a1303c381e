package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/portico-hub/portico/app/model"
)

// Store is Portico's database. Writes go through a single connection, so
// SQLite never answers "database is locked" to a writer; reads use a pool.
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
}

// Open opens (creating if needed) the SQLite database at path and applies
// pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create %s: %w", dir, err)
		}
	}
	w, err := sql.Open(driverName, dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{w: w, Now: func() time.Time { return time.Now().UTC() }}
	if err := s.Migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open(driverName, dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open readers %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	s.r = r
	return s, nil
}

// driverName is go-sqlite3 with the settings its connection string
// cannot carry: temporary files, chiefly the statement journals of
// multi-row writes, stay in memory instead of going to disk.
const driverName = "sqlite3_portico"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
		return err
	}})
}

// dsn builds the connection string: WAL so readers never block the writer,
// a busy timeout, foreign keys, and immediate transactions for the writer
// so a read-then-write transaction cannot deadlock. The writer's page
// cache is larger: a bulk insert touches pages all over every index. The
// writer keeps its most used statements prepared: imports run the same
// few statements, long multi-row INSERTs among them, for every batch.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	// database/sql never shares a connection between goroutines, so
	// SQLite need not lock one around every call (binding each value of
	// a multi-row INSERT among them).
	q.Set("_mutex", "no")
	if readOnly {
		q.Set("_query_only", "true")
		q.Set("_cache_size", "-32000")
	} else {
		q.Set("_txlock", "immediate")
		q.Set("_cache_size", "-65536")
		q.Set("_stmt_cache_size", "128")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes both connection pools.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
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
