package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ImportHistory lists the newest real imports of a kind (no dry runs),
// with the name of the agent who ran each. With by set it lists only that
// agent's imports.
func (s *Store) ImportHistory(ctx context.Context, kind string, by int64, limit int) ([]model.Import, []string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+importColumns+`,
		coalesce((SELECT name FROM agents WHERE agents.id = imports.created_by), '')
		FROM imports WHERE kind = $1 AND dry_run = FALSE AND ($2 = 0 OR created_by = $3)
		ORDER BY id DESC LIMIT $4`, kind, by, by, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("store: import history: %w", err)
	}
	defer rows.Close()
	var ims []model.Import
	var names []string
	for rows.Next() {
		var name string
		im, err := scanImport(scanPlus{rows, &name})
		if err != nil {
			return nil, nil, fmt.Errorf("store: scan import: %w", err)
		}
		ims, names = append(ims, *im), append(names, name)
	}
	return ims, names, rows.Err()
}

// scanPlus scans a row's leading columns as the wrapped scanner expects
// and its last one into extra.
type scanPlus struct {
	row   interface{ Scan(...any) error }
	extra any
}

func (p scanPlus) Scan(dest ...any) error { return p.row.Scan(append(dest, p.extra)...) }
