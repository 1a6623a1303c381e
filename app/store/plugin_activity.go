package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// AddPluginActivity records what a plugin or one of its instances did.
func (s *Store) AddPluginActivity(ctx context.Context, a model.PluginActivity) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO plugin_activity (plugin_id, instance_id, kind, ok, message, detail, at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, a.PluginID, nullableID(a.InstanceID), a.Kind, a.OK, a.Message, a.Detail, s.Now())
		if err != nil {
			return fmt.Errorf("store: plugin activity of %s: %w", a.PluginID, err)
		}
		return nil
	})
}

// PluginActivity returns the newest limit entries of a plugin, or of one
// of its instances when instanceID is not 0, newest first.
func (s *Store) PluginActivity(ctx context.Context, pluginID string, instanceID int64, limit int) ([]model.PluginActivity, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, plugin_id, COALESCE(instance_id, 0), kind, ok, message, detail, at
		FROM plugin_activity WHERE plugin_id = $1 AND ($2 = 0 OR instance_id = $2) ORDER BY id DESC LIMIT $3`,
		pluginID, instanceID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: plugin activity of %s: %w", pluginID, err)
	}
	defer rows.Close()
	var out []model.PluginActivity
	for rows.Next() {
		var a model.PluginActivity
		if err := rows.Scan(&a.ID, &a.PluginID, &a.InstanceID, &a.Kind, &a.OK, &a.Message, &a.Detail, &a.At); err != nil {
			return nil, fmt.Errorf("store: plugin activity of %s: %w", pluginID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
