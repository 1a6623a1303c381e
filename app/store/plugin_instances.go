package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

const instanceColumns = `id, plugin_id, name, config, secrets, revision, updated_at`

func scanInstance(row interface{ Scan(...any) error }) (*model.PluginInstance, error) {
	var in model.PluginInstance
	var secrets string
	if err := row.Scan(&in.ID, &in.PluginID, &in.Name, &in.Config, &secrets, &in.Revision, &in.UpdatedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(secrets), &in.Secrets); err != nil {
		return nil, fmt.Errorf("store: secrets of plugin instance %d: %w", in.ID, err)
	}
	return &in, nil
}

// PluginInstances returns a plugin's instances by name, or every
// plugin's when pluginID is empty.
func (s *Store) PluginInstances(ctx context.Context, pluginID string) ([]model.PluginInstance, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+instanceColumns+` FROM plugin_instances
		WHERE $1 = '' OR plugin_id = $1 ORDER BY plugin_id, name`, pluginID)
	if err != nil {
		return nil, fmt.Errorf("store: plugin instances: %w", err)
	}
	defer rows.Close()
	var out []model.PluginInstance
	for rows.Next() {
		in, err := scanInstance(rows)
		if err != nil {
			return nil, fmt.Errorf("store: plugin instances: %w", err)
		}
		out = append(out, *in)
	}
	return out, rows.Err()
}

// PluginInstance returns one instance.
func (s *Store) PluginInstance(ctx context.Context, id int64) (*model.PluginInstance, error) {
	in, err := scanInstance(s.r.QueryRowContext(ctx, `SELECT `+instanceColumns+` FROM plugin_instances WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "plugin instance", id)
	}
	return in, nil
}

// PluginInstanceByName returns a plugin's instance of that name.
func (s *Store) PluginInstanceByName(ctx context.Context, pluginID, name string) (*model.PluginInstance, error) {
	in, err := scanInstance(s.r.QueryRowContext(ctx, `SELECT `+instanceColumns+` FROM plugin_instances
		WHERE plugin_id = $1 AND name = $2`, pluginID, name))
	if err != nil {
		return nil, notFound(err, "plugin instance", pluginID+":"+name)
	}
	return in, nil
}

// SavePluginInstance creates an instance (ID 0) or replaces one's name,
// configuration and secrets, bumping its revision. A name the plugin's
// other instance has is refused as a validation error on "name".
func (s *Store) SavePluginInstance(ctx context.Context, in model.PluginInstance) (int64, error) {
	secrets, err := json.Marshal(in.Secrets)
	if err != nil {
		return 0, fmt.Errorf("store: encode secrets: %w", err)
	}
	id := in.ID
	err = s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		if id == 0 {
			return tx.QueryRowContext(ctx, `INSERT INTO plugin_instances (plugin_id, name, config, secrets, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`, in.PluginID, in.Name, in.Config, string(secrets), now).Scan(&id)
		}
		res, err := tx.ExecContext(ctx, `UPDATE plugin_instances SET name = $1, config = $2, secrets = $3,
			revision = revision + 1, updated_at = $4 WHERE id = $5`, in.Name, in.Config, string(secrets), now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("plugin instance %d: %w", id, model.ErrNotFound)
		}
		return nil
	})
	if isUnique(err, "name") {
		return 0, model.Invalid("name", "Another instance of this plugin has this name.")
	}
	if err != nil {
		return 0, fmt.Errorf("store: save plugin instance: %w", err)
	}
	return id, nil
}

// DeletePluginInstance removes an instance and its activity.
func (s *Store) DeletePluginInstance(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM plugin_instances WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: delete plugin instance %d: %w", id, err)
		}
		return nil
	})
}
