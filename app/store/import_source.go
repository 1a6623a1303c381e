package store

import (
	"context"
	"database/sql"
	"fmt"
)

// SetImportSource records that an import reads a plugin instance's stream.
func (s *Store) SetImportSource(ctx context.Context, id, instanceID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE imports SET plugin_instance_id = $1 WHERE id = $2`, instanceID, id); err != nil {
			return fmt.Errorf("store: source of import %d: %w", id, err)
		}
		return nil
	})
}

// SetCursor records, with the batch, the plugin cursor that resumes the
// stream right after row.
func (b *ImportTx) SetCursor(ctx context.Context, row int, cursor string) error {
	_, err := b.tx.ExecContext(ctx, `UPDATE imports SET source_cursor = $1, source_row = $2 WHERE id = $3`, cursor, row, b.id)
	if err != nil {
		return fmt.Errorf("store: cursor of import %d: %w", b.id, err)
	}
	return nil
}

// SetImportTotal records the number of rows of a streamed import once
// the stream ended, as a file's count does before it starts.
func (s *Store) SetImportTotal(ctx context.Context, id int64, total int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE imports SET rows_total = $1 WHERE id = $2`, total, id); err != nil {
			return fmt.Errorf("store: total of import %d: %w", id, err)
		}
		return nil
	})
}
