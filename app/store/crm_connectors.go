package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const connectorColumns = `instance_id, objects, remote_delete, portico_delete, paused, state, pull_cursor,
	push_position, backoff_until, outages, last_run_at, last_error, pulled, pushed, conflicts, updated_at`

func scanConnector(row interface{ Scan(...any) error }) (*model.CRMConnector, error) {
	var c model.CRMConnector
	var backoff, lastRun sql.NullTime
	err := row.Scan(&c.InstanceID, &c.Objects, &c.RemoteDelete, &c.PorticoDelete, &c.Paused, &c.State, &c.PullCursor,
		&c.PushPosition, &backoff, &c.Outages, &lastRun, &c.LastError, &c.Pulled, &c.Pushed, &c.Conflicts, &c.UpdatedAt)
	if backoff.Valid {
		c.BackoffUntil = &backoff.Time
	}
	if lastRun.Valid {
		c.LastRunAt = &lastRun.Time
	}
	return &c, err
}

// SaveCRMConnector stores a connector's settings and replaces its field
// mapping. A new connector starts in state "setup" with its push position
// at the end of the event stream: what happened before is the first
// sync's to reconcile.
func (s *Store) SaveCRMConnector(ctx context.Context, c model.CRMConnector) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO crm_connectors (instance_id, objects, remote_delete, portico_delete, paused,
			push_position, updated_at) VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position), 0) FROM events), $6)
			ON CONFLICT (instance_id) DO UPDATE SET objects = excluded.objects, remote_delete = excluded.remote_delete,
			portico_delete = excluded.portico_delete, paused = excluded.paused, updated_at = excluded.updated_at`,
			c.InstanceID, c.Objects, c.RemoteDelete, c.PorticoDelete, c.Paused, s.Now())
		if err != nil {
			return fmt.Errorf("store: save crm connector %d: %w", c.InstanceID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM crm_field_maps WHERE instance_id = $1`, c.InstanceID); err != nil {
			return fmt.Errorf("store: clear field maps %d: %w", c.InstanceID, err)
		}
		for _, m := range c.Mapping {
			_, err := tx.ExecContext(ctx, `INSERT INTO crm_field_maps (instance_id, object, portico_field, remote_field, direction, rule)
				VALUES ($1, $2, $3, $4, $5, $6)`, c.InstanceID, m.Object, m.PorticoField, m.RemoteField, m.Direction, m.Rule)
			if err != nil {
				return fmt.Errorf("store: field map %s.%s: %w", m.Object, m.PorticoField, err)
			}
		}
		return nil
	})
}

// CRMConnector returns a connector with its field mapping.
func (s *Store) CRMConnector(ctx context.Context, instanceID int64) (*model.CRMConnector, error) {
	c, err := scanConnector(s.r.QueryRowContext(ctx, `SELECT `+connectorColumns+` FROM crm_connectors WHERE instance_id = $1`, instanceID))
	if err != nil {
		return nil, notFound(err, "crm connector", instanceID)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT object, portico_field, remote_field, direction, rule FROM crm_field_maps
		WHERE instance_id = $1 ORDER BY object, portico_field`, instanceID)
	if err != nil {
		return nil, fmt.Errorf("store: field maps %d: %w", instanceID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m model.CRMFieldMap
		if err := rows.Scan(&m.Object, &m.PorticoField, &m.RemoteField, &m.Direction, &m.Rule); err != nil {
			return nil, fmt.Errorf("store: field maps %d: %w", instanceID, err)
		}
		c.Mapping = append(c.Mapping, m)
	}
	return c, rows.Err()
}

// CRMConnectorIDs returns the instance ids of every connector.
func (s *Store) CRMConnectorIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT instance_id FROM crm_connectors ORDER BY instance_id`)
	if err != nil {
		return nil, fmt.Errorf("store: crm connectors: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: crm connectors: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// The updates below name the instance last: SQLite numbers $N parameters
// in the order they first appear.

// SetCRMState moves a connector to "setup" or "running".
func (s *Store) SetCRMState(ctx context.Context, instanceID int64, state string) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET state = $1, updated_at = $2 WHERE instance_id = $3`, state, s.Now())
}

// SetCRMPaused pauses or resumes a connector.
func (s *Store) SetCRMPaused(ctx context.Context, instanceID int64, paused bool) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET paused = $1, updated_at = $2 WHERE instance_id = $3`, paused, s.Now())
}

// SetCRMPullCursor stores the cursor after a batch and counts the records
// the batch changed in Portico.
func (s *Store) SetCRMPullCursor(ctx context.Context, instanceID int64, cursor string, pulled int) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET pull_cursor = $1, pulled = pulled + $2
		WHERE instance_id = $3`, cursor, pulled)
}

// SetCRMPushPosition stores the event position whose changes went out and
// counts the records written remotely.
func (s *Store) SetCRMPushPosition(ctx context.Context, instanceID, position int64, pushed int) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET push_position = $1, pushed = pushed + $2
		WHERE instance_id = $3`, position, pushed)
}

// SetCRMRun records how a run ended: its error ("" when it went well),
// and until when the connector backs off (nil for not).
func (s *Store) SetCRMRun(ctx context.Context, instanceID int64, lastErr string, outages int, backoff *time.Time) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET last_run_at = $1, last_error = $2, outages = $3,
		backoff_until = $4 WHERE instance_id = $5`, s.Now(), lastErr, outages, backoff)
}

// ClearCRMBackoff lets a connector run again at once; its last error
// stays until that run.
func (s *Store) ClearCRMBackoff(ctx context.Context, instanceID int64) error {
	return s.connectorExec(ctx, instanceID, `UPDATE crm_connectors SET backoff_until = NULL, outages = 0 WHERE instance_id = $1`)
}

func (s *Store) connectorExec(ctx context.Context, instanceID int64, q string, args ...any) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, append(args, instanceID)...)
		if err != nil {
			return fmt.Errorf("store: crm connector %d: %w", instanceID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: crm connector %d: %w", instanceID, model.ErrNotFound)
		}
		return nil
	})
}

// LastEventPosition is the position of the newest event, 0 for none.
func (s *Store) LastEventPosition(ctx context.Context) (int64, error) {
	var p int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM events`).Scan(&p); err != nil {
		return 0, fmt.Errorf("store: last event position: %w", err)
	}
	return p, nil
}
