package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"
	"strconv"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// role says what a connection pool is for; each gets its own settings.
type role int

const (
	writer role = iota
	reader
	checkpointing
)

// openPool opens a pool of connections to path for role. Settings the
// connection string cannot carry run in a connect hook, so a connection
// database/sql opens again later gets them too: temporary files, chiefly
// the statement journals of multi-row writes, stay in memory, and the
// writer checkpoints itself only past the WAL's hard limit (see
// checkpointer).
func openPool(path string, r role, cfg checkpointConfig) *sql.DB {
	d := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if _, err := c.Exec("PRAGMA temp_store = MEMORY", nil); err != nil {
			return err
		}
		if r != writer {
			return nil
		}
		return writerPragmas(c, cfg.hard)
	}}
	return sql.OpenDB(connector{d: d, dsn: dsn(path, r)})
}

// writerPragmas makes the writer's automatic checkpoint fire only once
// the WAL holds hard bytes, and cuts the WAL file back to the frames in
// use whenever SQLite starts it over, so its size shows what is left to
// checkpoint.
func writerPragmas(c *sqlite3.SQLiteConn, hard int64) error {
	rows, err := c.Query("PRAGMA page_size", nil)
	if err != nil {
		return err
	}
	v := make([]driver.Value, 1)
	err = rows.Next(v)
	rows.Close()
	if err != nil {
		return err
	}
	pages := max(hard/v[0].(int64), 1)
	_, err = c.Exec("PRAGMA wal_autocheckpoint = "+strconv.FormatInt(pages, 10)+"; PRAGMA journal_size_limit = 0", nil)
	return err
}

// connector hands database/sql connections from a driver of our own, so
// each store's connect hook can carry that store's settings.
type connector struct {
	d   *sqlite3.SQLiteDriver
	dsn string
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return c.d }

// dsn builds the connection string: WAL so readers never block the writer,
// a busy timeout, foreign keys, and immediate transactions for the writer
// so a read-then-write transaction cannot deadlock. The writer's page
// cache is larger: a bulk insert touches pages all over every index. The
// writer keeps its most used statements prepared: imports run the same
// few statements, long multi-row INSERTs among them, for every batch. The
// checkpointer waits little for a lock: while it restarts the WAL the
// writer waits for it.
func dsn(path string, r role) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	// database/sql never shares a connection between goroutines, so
	// SQLite need not lock one around every call (binding each value of
	// a multi-row INSERT among them).
	q.Set("_mutex", "no")
	switch r {
	case reader:
		q.Set("_query_only", "true")
		q.Set("_cache_size", "-32000")
	case writer:
		q.Set("_txlock", "immediate")
		q.Set("_cache_size", "-65536")
		q.Set("_stmt_cache_size", "128")
	case checkpointing:
		q.Set("_busy_timeout", "50")
	}
	return "file:" + path + "?" + q.Encode()
}
