package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// never keeps the checkpointer's own ticks out of a test that drives it.
const never = time.Hour

// openCkpt opens a store with cfg and a table of random keys, whose
// inserts dirty pages all over its index as an import does.
func openCkpt(t *testing.T, cfg checkpointConfig) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "portico.db")
	s, err := open(context.Background(), path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.w.Exec("CREATE TABLE scratch (k BLOB PRIMARY KEY, v BLOB)"); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// writeScratch commits 100 rows of about 1 KB under random keys.
func writeScratch(t *testing.T, s *Store) {
	t.Helper()
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) " +
			"INSERT INTO scratch (k, v) SELECT randomblob(16), randomblob(1000) FROM n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func walBytes(path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}

// writeAndWatch writes n batches, running each after one, and returns
// the largest WAL file seen.
func writeAndWatch(t *testing.T, s *Store, path string, n int, after func()) int64 {
	t.Helper()
	var most int64
	for range n {
		writeScratch(t, s)
		after()
		most = max(most, walBytes(path))
	}
	return most
}

func TestCheckpointerKeepsWALNearSoftLimit(t *testing.T) {
	cfg := checkpointConfig{every: never, soft: 1 << 20, hard: 1 << 30}
	s, path := openCkpt(t, cfg)
	most := writeAndWatch(t, s, path, 300, func() { s.ckpt.tick(context.Background()) })
	if most > cfg.soft+1<<20 {
		t.Fatalf("WAL reached %d bytes, soft limit %d", most, cfg.soft)
	}
	assertComplete(t, s, path, 300*100)
}

func TestWriterCheckpointsPastHardLimit(t *testing.T) {
	cfg := checkpointConfig{every: never, soft: 1 << 40, hard: 512 << 10}
	s, path := openCkpt(t, cfg)
	most := writeAndWatch(t, s, path, 300, func() {})
	if most > cfg.hard+1<<20 {
		t.Fatalf("WAL reached %d bytes, hard limit %d", most, cfg.hard)
	}
}

func TestCheckpointerEmptiesWALWhenIdle(t *testing.T) {
	s, path := openCkpt(t, checkpointConfig{every: 20 * time.Millisecond, soft: 1 << 20, hard: 1 << 30})
	most := writeAndWatch(t, s, path, 100, func() {})
	t.Logf("WAL reached %d bytes", most)
	deadline := time.Now().Add(10 * time.Second)
	for walBytes(path) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := walBytes(path); n > 0 {
		t.Fatalf("WAL still holds %d bytes while idle", n)
	}
}

// assertComplete closes s, checks the WAL is empty, and reopens the
// database to count the rows and check its integrity.
func assertComplete(t *testing.T, s *Store, path string, rows int) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n := walBytes(path); n > 0 {
		t.Fatalf("WAL holds %d bytes after Close", n)
	}
	again, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var n int
	var ok string
	if err := again.r.QueryRow("SELECT count(*) FROM scratch").Scan(&n); err != nil || n != rows {
		t.Fatalf("reopened with %d rows, want %d (%v)", n, rows, err)
	}
	if err := again.r.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity %q, %v", ok, err)
	}
}

func TestCloseStopsCheckpointer(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 10 {
		s, err := open(context.Background(), filepath.Join(t.TempDir(), "portico.db"), defaultCheckpoints)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-s.ckpt.done:
		default:
			t.Fatal("checkpointer still running after Close")
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after closing 10 stores, %d before", n, before)
	}
}
