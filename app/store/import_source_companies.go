package store

import (
	"context"
	"fmt"
)

// SetSourceCompanies records, with the batch, the companies a plugin's
// stream named by external id before the batch's cursor, so a resumed
// import still finds them.
func (b *ImportTx) SetSourceCompanies(ctx context.Context, names map[string]string) error {
	for ext, name := range names {
		_, err := b.tx.ExecContext(ctx, `INSERT INTO import_source_companies (import_id, external_id, name) VALUES ($1, $2, $3)
			ON CONFLICT (import_id, external_id) DO UPDATE SET name = excluded.name`, b.id, ext, name)
		if err != nil {
			return fmt.Errorf("store: company %q of import %d: %w", ext, b.id, err)
		}
	}
	return nil
}

// SourceCompanies returns the companies an import's stream named before
// its stored cursor, by external id.
func (s *Store) SourceCompanies(ctx context.Context, importID int64) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT external_id, name FROM import_source_companies WHERE import_id = $1`, importID)
	if err != nil {
		return nil, fmt.Errorf("store: companies of import %d: %w", importID, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var ext, name string
		if err := rows.Scan(&ext, &name); err != nil {
			return nil, fmt.Errorf("store: companies of import %d: %w", importID, err)
		}
		out[ext] = name
	}
	return out, rows.Err()
}
