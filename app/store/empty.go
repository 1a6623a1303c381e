package store

import (
	"context"
	"fmt"
)

// IsEmpty reports whether the database holds no contacts and no
// companies, the only state sample data may be loaded into.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var found bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM companies)`).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("store: is empty: %w", err)
	}
	return !found, nil
}
