package store

import (
	"context"
	"fmt"
)

// FastLoad runs fn, which fills a brand-new database, without a journal
// and without waiting for the disk, then returns to WAL. It is for
// building throwaway files such as benchmark fixtures: a crash during fn
// leaves a corrupt file, so never use it on a database that matters.
func (s *Store) FastLoad(ctx context.Context, fn func() error) error {
	if _, err := s.w.ExecContext(ctx, `PRAGMA journal_mode = OFF`); err != nil {
		return fmt.Errorf("store: fast load: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA synchronous = OFF`); err != nil {
		return fmt.Errorf("store: fast load: %w", err)
	}
	err := fn()
	if _, werr := s.w.ExecContext(ctx, `PRAGMA journal_mode = WAL`); werr != nil && err == nil {
		err = fmt.Errorf("store: fast load: back to WAL: %w", werr)
	}
	if _, werr := s.w.ExecContext(ctx, `PRAGMA synchronous = NORMAL`); werr != nil && err == nil {
		err = fmt.Errorf("store: fast load: %w", werr)
	}
	return err
}

// JournalMode reports the database's journal mode, "wal" in normal use.
func (s *Store) JournalMode(ctx context.Context) (string, error) {
	var mode string
	err := s.w.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
	return mode, err
}
