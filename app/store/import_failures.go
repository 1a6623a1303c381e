package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ImportFailures calls fn with each failed row of an import in row order,
// streaming them so a large list never sits in memory.
func (s *Store) ImportFailures(ctx context.Context, id int64, fn func(model.ImportFailure) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT row_no, reason, cells FROM import_failures WHERE import_id = $1 ORDER BY row_no`, id)
	if err != nil {
		return fmt.Errorf("store: failures of import %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var f model.ImportFailure
		var cells string
		if err := rows.Scan(&f.Row, &f.Reason, &cells); err != nil {
			return fmt.Errorf("store: scan failed row: %w", err)
		}
		if err := json.Unmarshal([]byte(cells), &f.Cells); err != nil {
			return fmt.Errorf("store: decode failed row %d: %w", f.Row, err)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ImportFailureReasons returns the reasons of an import's failed rows
// numbered up to lastRow, by row number: the few rows a review shows,
// read by the failures' primary key.
func (s *Store) ImportFailureReasons(ctx context.Context, id int64, lastRow int) (map[int]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT row_no, reason FROM import_failures WHERE import_id = $1 AND row_no <= $2`, id, lastRow)
	if err != nil {
		return nil, fmt.Errorf("store: failure reasons of import %d: %w", id, err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var n int
		var reason string
		if err := rows.Scan(&n, &reason); err != nil {
			return nil, fmt.Errorf("store: scan failure reason: %w", err)
		}
		out[n] = reason
	}
	return out, rows.Err()
}

// ImportFailureReasonsEach calls fn with the row number and reason of each
// failed row of an import in row order, without the rows' cells, for a
// summary of why rows failed.
func (s *Store) ImportFailureReasonsEach(ctx context.Context, id int64, fn func(row int, reason string) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT row_no, reason FROM import_failures WHERE import_id = $1 ORDER BY row_no`, id)
	if err != nil {
		return fmt.Errorf("store: failure reasons of import %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var reason string
		if err := rows.Scan(&n, &reason); err != nil {
			return fmt.Errorf("store: scan failure reason: %w", err)
		}
		if err := fn(n, reason); err != nil {
			return err
		}
	}
	return rows.Err()
}
