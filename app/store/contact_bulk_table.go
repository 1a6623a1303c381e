package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// chunkRows is how many rows one INSERT of a batch carries: enough that
// the cost of running a statement vanishes, and few enough to stay well
// below SQLite's limit of 32,766 parameters.
const chunkRows = 50

// rowSet collects one table's rows of a batch for multi-row INSERTs.
type rowSet struct {
	// head is "INSERT INTO t (a, b)"; tail, if any, follows the values.
	head, tail string
	cols       int
	args       []any
	// owner is, for each row, the index in the batch of its contact.
	owner []int
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

// flush inserts the rows, chunkRows at a time.
func (b *bulk) flush(ctx context.Context, r *rowSet, explain explainer) error {
	for lo := 0; lo < len(r.owner); lo += chunkRows {
		hi := min(lo+chunkRows, len(r.owner))
		st, err := b.stmt(ctx, r, hi-lo)
		if err != nil {
			return err
		}
		c := chunk{owner: r.owner[lo:hi], args: r.args[lo*r.cols : hi*r.cols]}
		if _, err := st.ExecContext(ctx, c.args...); err != nil {
			return explain(ctx, err, c)
		}
	}
	return nil
}

type stmtKey struct {
	head string
	rows int
}

// stmt prepares, once per batch, the INSERT of a number of rows.
func (b *bulk) stmt(ctx context.Context, r *rowSet, rows int) (*sql.Stmt, error) {
	key := stmtKey{r.head, rows}
	if st, ok := b.stmts[key]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(ctx, multiRow(r.head, r.cols, rows)+r.tail)
	if err != nil {
		return nil, fmt.Errorf("store: prepare bulk insert: %w", err)
	}
	b.stmts[key] = st
	return st, nil
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
