package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"time"
)

// checkpointConfig sets when the checkpointer copies the WAL back into
// the database.
type checkpointConfig struct {
	every time.Duration // how often it looks at the WAL
	soft  int64         // WAL bytes past which it checkpoints while writes go on
	hard  int64         // WAL bytes past which the writer checkpoints itself
}

// defaultCheckpoints copies about 256 MB at a time: a bulk import dirties
// index pages all over the file, and the larger the batch the more often
// one page written many times in the WAL is copied back once.
var defaultCheckpoints = checkpointConfig{every: time.Second, soft: 256 << 20, hard: 1 << 30}

// checkpointer copies the WAL into the database on a connection of its
// own, so commits do not pay for it. The rule, checked every tick:
//   - nothing was committed since the last tick and the WAL is not
//     empty: catch up, then TRUNCATE, which empties the file;
//   - else the WAL file is past soft: catch up, then one last PASSIVE
//     pass on the writer's connection, between two transactions, so
//     nothing is committed while it copies the tail and the next commit
//     starts the WAL over;
//   - past hard, when the checkpointer cannot keep up (readers pinning
//     old frames, a disk slower than the writes), the writer's own
//     automatic checkpoint fires on commit, so the WAL stays bounded
//     regardless.
//
// Catching up is PASSIVE passes, which never block the writer or
// readers; each copies what was committed during the one before, so they
// get shorter. Once one is quick, the last step has little left to copy:
// TRUNCATE makes the writer wait while it does, and for readers at most
// the connection's short busy timeout; the writer's PASSIVE pass waits
// for no one. A checkpoint that fails is tried again at the next tick.
type checkpointer struct {
	db      *sql.DB
	w       *sql.DB
	wal     string
	cfg     checkpointConfig
	version int64
	stop    chan struct{}
	done    chan struct{}
}

// startCheckpointer opens the checkpointer's connection and starts it;
// w is the writer's pool.
func startCheckpointer(path string, w *sql.DB, cfg checkpointConfig) *checkpointer {
	db := openPool(path, checkpointing, cfg)
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	c := &checkpointer{db: db, w: w, wal: path + "-wal", cfg: cfg, version: -1,
		stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	t := time.NewTicker(c.cfg.every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.tick(context.Background())
		}
	}
}

// tick applies the rule above once.
func (c *checkpointer) tick(ctx context.Context) {
	var v int64
	if err := c.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return
	}
	idle := v == c.version
	c.version = v
	size := c.walSize()
	switch {
	case idle && size > 0:
		if c.catchUp(ctx) {
			c.checkpoint(ctx, c.db, "TRUNCATE")
		}
	case size >= c.cfg.soft:
		if c.catchUp(ctx) {
			c.checkpoint(ctx, c.w, "PASSIVE")
		}
	}
}

// quickPass is how short a PASSIVE pass is once it has caught up with
// the writer; passes is how many it tries before waiting for the next
// tick.
const (
	quickPass = 50 * time.Millisecond
	passes    = 8
)

// catchUp runs PASSIVE passes until one is quick, and says whether one
// was.
func (c *checkpointer) catchUp(ctx context.Context) bool {
	for range passes {
		start := time.Now()
		if c.checkpoint(ctx, c.db, "PASSIVE") != nil {
			return false
		}
		if time.Since(start) < quickPass {
			return true
		}
	}
	return false
}

// walSize is the WAL file's size: the writer cuts it back whenever the
// WAL starts over, so it is about what is left to copy.
func (c *checkpointer) walSize() int64 {
	fi, err := os.Stat(c.wal)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// checkpoint runs one checkpoint of mode on db; a busy one is not an
// error, the next tick tries again.
func (c *checkpointer) checkpoint(ctx context.Context, db *sql.DB, mode string) error {
	var busy, log, done int
	return db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &log, &done)
}

// close stops the goroutine, empties the WAL and closes the connection.
func (c *checkpointer) close() error {
	close(c.stop)
	<-c.done
	return errors.Join(c.checkpoint(context.Background(), c.db, "TRUNCATE"), c.db.Close())
}
