package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// PluginApprovals returns every plugin an admin approved or disabled.
func (s *Store) PluginApprovals(ctx context.Context) (map[string]model.PluginApproval, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, approved_version, digests, COALESCE(approved_by, 0), approved_at,
		disabled, disabled_reason FROM plugins`)
	if err != nil {
		return nil, fmt.Errorf("store: plugins: %w", err)
	}
	defer rows.Close()
	out := map[string]model.PluginApproval{}
	for rows.Next() {
		var a model.PluginApproval
		var digests string
		if err := rows.Scan(&a.ID, &a.ApprovedVersion, &digests, &a.ApprovedBy, &a.ApprovedAt, &a.Disabled, &a.DisabledReason); err != nil {
			return nil, fmt.Errorf("store: plugins: %w", err)
		}
		if err := json.Unmarshal([]byte(digests), &a.Digests); err != nil {
			return nil, fmt.Errorf("store: digests of plugin %s: %w", a.ID, err)
		}
		out[a.ID] = a
	}
	return out, rows.Err()
}

// ApprovePlugin records the version and file digests an admin approved
// and enables the plugin.
func (s *Store) ApprovePlugin(ctx context.Context, id, version string, digests map[string]string, by int64) error {
	data, err := json.Marshal(digests)
	if err != nil {
		return fmt.Errorf("store: encode digests: %w", err)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		_, err := tx.ExecContext(ctx, `INSERT INTO plugins (id, approved_version, digests, approved_by, approved_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (id) DO UPDATE SET approved_version = excluded.approved_version,
			digests = excluded.digests, approved_by = excluded.approved_by, approved_at = excluded.approved_at,
			disabled = FALSE, disabled_reason = '', updated_at = excluded.updated_at`,
			id, version, string(data), nullableID(by), now)
		if err != nil {
			return fmt.Errorf("store: approve plugin %s: %w", id, err)
		}
		return nil
	})
}

// SetPluginDisabled disables a plugin with the reason admins see, or
// enables it again.
func (s *Store) SetPluginDisabled(ctx context.Context, id string, disabled bool, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO plugins (id, disabled, disabled_reason, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (id) DO UPDATE SET disabled = excluded.disabled, disabled_reason = excluded.disabled_reason,
			updated_at = excluded.updated_at`, id, disabled, reason, s.Now())
		if err != nil {
			return fmt.Errorf("store: disable plugin %s: %w", id, err)
		}
		return nil
	})
}
