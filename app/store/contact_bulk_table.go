package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// chunkRows is how many rows one INSERT of a batch carries: enough that
// the cost of running a statement vanishes, and few enough to stay well
// below SQLite's limit of 32,766 parameters.
const chunkRows = 64

// rowSet collects one table's rows of a batch for multi-row INSERTs.
type rowSet struct {
	// head is "INSERT INTO t (a, b)"; tail, if any, follows the values.
	head, tail string
	cols       int
	args       []any
	// owner is, for each row, the index in the batch of its contact.
	owner []int
}

// grow makes room for n more rows.
func (r *rowSet) grow(n int) {
	r.args = slices.Grow(r.args, n*r.cols)
	r.owner = slices.Grow(r.owner, n)
}

func (r *rowSet) add(owner int, vals ...any) {
	r.args = append(r.args, vals...)
	r.owner = append(r.owner, owner)
}

// sortBy orders the rows by the text in column col. Inserting in key
// order makes each B-tree page of that key's index take many rows while
// it is in the cache, instead of one row per page all over the index.
func (r *rowSet) sortBy(col int) {
	idx := make([]int, len(r.owner))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return r.args[idx[a]*r.cols+col].(string) < r.args[idx[b]*r.cols+col].(string)
	})
	args, owner := make([]any, 0, len(r.args)), make([]int, 0, len(r.owner))
	for _, i := range idx {
		args = append(args, r.args[i*r.cols:(i+1)*r.cols]...)
		owner = append(owner, r.owner[i])
	}
	r.args, r.owner = args, owner
}

// chunk is one multi-row INSERT's share of a rowSet.
type chunk struct {
	owner []int
	args  []any
}

// explainer turns a failed chunk's error into the error InsertContacts
// returns, naming the contact at fault when it can.
type explainer func(ctx context.Context, err error, c chunk) error

// flushRows inserts the rows, chunkRows at a time and the rest in chunks
// of falling powers of two, so that a few statements serve every batch.
func flushRows(ctx context.Context, tx *sql.Tx, r *rowSet, explain explainer) error {
	for lo := 0; lo < len(r.owner); {
		hi := lo + chunkSize(len(r.owner)-lo)
		c := chunk{owner: r.owner[lo:hi], args: r.args[lo*r.cols : hi*r.cols]}
		if _, err := tx.ExecContext(ctx, insertSQL(r, hi-lo), c.args...); err != nil {
			return explain(ctx, err, c)
		}
		lo = hi
	}
	return nil
}

// chunkSize is how many of n rows left the next INSERT carries.
func chunkSize(n int) int {
	if n >= chunkRows {
		return chunkRows
	}
	size := 1
	for size*2 <= n {
		size *= 2
	}
	return size
}

type stmtKey struct {
	head string
	rows int
}

// insertTexts holds the text of every multi-row INSERT written so far.
// The writer's statement cache finds a prepared statement by its text, so
// each batch reuses the statements of the batches before instead of
// parsing them again, and the texts are written only once.
var insertTexts sync.Map

// insertSQL is the INSERT of a number of rows of r.
func insertSQL(r *rowSet, rows int) string {
	key := stmtKey{r.head, rows}
	if text, ok := insertTexts.Load(key); ok {
		return text.(string)
	}
	text, _ := insertTexts.LoadOrStore(key, multiRow(r.head, r.cols, rows)+r.tail)
	return text.(string)
}

// multiRow writes head VALUES ($1, $2), ($3, $4), ... for rows rows.
func multiRow(head string, cols, rows int) string {
	var sb strings.Builder
	sb.WriteString(head + " VALUES ")
	n := 0
	for i := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for j := range cols {
			if j > 0 {
				sb.WriteString(", ")
			}
			n++
			fmt.Fprintf(&sb, "$%d", n)
		}
		sb.WriteByte(')')
	}
	return sb.String()
}

// wrapped explains a failure that no single contact caused.
func wrapped(table string) explainer {
	return func(_ context.Context, err error, _ chunk) error {
		return fmt.Errorf("store: bulk insert into %s: %w", table, err)
	}
}
