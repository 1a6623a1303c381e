package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// flushOnce inserts every row of r with one statement, which reads them
// from a JSON array. The search index needs it: FTS5 writes the terms it
// holds in memory as a new segment on disk whenever a statement of the
// transaction opens a savepoint, as every multi-row INSERT does, so a
// batch written 64 documents a statement left dozens of small segments,
// each listing every common term again, for FTS5 to merge over and over
// as the index grew. One statement leaves one segment per batch.
func flushOnce(ctx context.Context, tx *sql.Tx, r *rowSet, explain explainer) error {
	if len(r.owner) == 0 {
		return nil
	}
	rows := make([][]any, len(r.owner))
	for i := range rows {
		rows[i] = r.args[i*r.cols : (i+1)*r.cols]
	}
	js, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("store: encode rows: %w", err)
	}
	if _, err := tx.ExecContext(ctx, selectJSON(r), string(js)); err != nil {
		return explain(ctx, err, chunk{owner: r.owner, args: r.args})
	}
	return nil
}

// selectJSON is r's INSERT reading its values from the JSON array $1.
func selectJSON(r *rowSet) string {
	cols := make([]string, r.cols)
	for i := range cols {
		cols[i] = fmt.Sprintf("value ->> %d", i)
	}
	return r.head + " SELECT " + strings.Join(cols, ", ") + " FROM json_each($1)" + r.tail
}
