package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// AddCRMFailure records a record that failed to sync, or counts one more
// attempt of a failure already recorded.
func (s *Store) AddCRMFailure(ctx context.Context, f model.CRMFailure) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO crm_failures (instance_id, direction, object, local_id, remote_id, reason, change,
			ambiguous, first_at, last_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
			ON CONFLICT (instance_id, direction, object, local_id, remote_id) DO UPDATE SET reason = excluded.reason,
			change = excluded.change, ambiguous = excluded.ambiguous, attempts = crm_failures.attempts + 1, last_at = excluded.last_at`,
			f.InstanceID, f.Direction, f.Object, f.LocalID, f.RemoteID, f.Reason, f.Change, f.Ambiguous, s.Now())
		if err != nil {
			return fmt.Errorf("store: record crm failure: %w", err)
		}
		return nil
	})
}

// ClearCRMFailure forgets a failure once its record synced; an
// ambiguity stays until a new first sync.
func (s *Store) ClearCRMFailure(ctx context.Context, instanceID int64, direction, object string, localID int64, remoteID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM crm_failures WHERE instance_id = $1 AND direction = $2 AND object = $3
			AND local_id = $4 AND remote_id = $5 AND NOT ambiguous`, instanceID, direction, object, localID, remoteID)
		if err != nil {
			return fmt.Errorf("store: clear crm failure: %w", err)
		}
		return nil
	})
}

// IsCRMAmbiguous reports whether the first sync found a Portico record
// (localID) or a remote one (remoteID, localID 0) ambiguous.
func (s *Store) IsCRMAmbiguous(ctx context.Context, instanceID, localID int64, remoteID string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM crm_failures WHERE instance_id = $1 AND ambiguous
		AND local_id = $2 AND remote_id = $3`, instanceID, localID, remoteID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: crm ambiguity: %w", err)
	}
	return n > 0, nil
}

// ClearCRMAmbiguities forgets a connector's ambiguous records, before a
// new first sync matches them again.
func (s *Store) ClearCRMAmbiguities(ctx context.Context, instanceID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM crm_failures WHERE instance_id = $1 AND ambiguous`, instanceID); err != nil {
			return fmt.Errorf("store: clear crm ambiguities: %w", err)
		}
		return nil
	})
}

// DeleteCRMFailure forgets one failure by id.
func (s *Store) DeleteCRMFailure(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM crm_failures WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: delete crm failure %d: %w", id, err)
		}
		return nil
	})
}

const failureColumns = `id, instance_id, direction, object, local_id, remote_id, reason, change, ambiguous, attempts, first_at, last_at`

func scanFailure(row interface{ Scan(...any) error }) (model.CRMFailure, error) {
	var f model.CRMFailure
	err := row.Scan(&f.ID, &f.InstanceID, &f.Direction, &f.Object, &f.LocalID, &f.RemoteID, &f.Reason, &f.Change,
		&f.Ambiguous, &f.Attempts, &f.FirstAt, &f.LastAt)
	return f, err
}

// CRMFailure returns one failure.
func (s *Store) CRMFailure(ctx context.Context, id int64) (*model.CRMFailure, error) {
	f, err := scanFailure(s.r.QueryRowContext(ctx, `SELECT `+failureColumns+` FROM crm_failures WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "crm failure", id)
	}
	return &f, nil
}

// CRMFailures returns a connector's failures, the latest first.
func (s *Store) CRMFailures(ctx context.Context, instanceID int64, limit int) ([]model.CRMFailure, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+failureColumns+` FROM crm_failures
		WHERE instance_id = $1 ORDER BY last_at DESC, id DESC LIMIT $2`, instanceID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: crm failures %d: %w", instanceID, err)
	}
	defer rows.Close()
	var out []model.CRMFailure
	for rows.Next() {
		f, err := scanFailure(rows)
		if err != nil {
			return nil, fmt.Errorf("store: crm failures %d: %w", instanceID, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// AddCRMConflict records how a conflict was resolved.
func (s *Store) AddCRMConflict(ctx context.Context, c model.CRMConflict) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO crm_conflicts (instance_id, object, local_id, remote_id, field, portico_value,
			remote_value, rule, kept, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, c.InstanceID, c.Object, c.LocalID,
			c.RemoteID, c.Field, c.PorticoValue, c.RemoteValue, c.Rule, c.Kept, s.Now())
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE crm_connectors SET conflicts = conflicts + 1 WHERE instance_id = $1`, c.InstanceID)
		}
		if err != nil {
			return fmt.Errorf("store: record crm conflict: %w", err)
		}
		return nil
	})
}

// CRMConflicts returns a connector's resolved conflicts, the latest first.
func (s *Store) CRMConflicts(ctx context.Context, instanceID int64, limit int) ([]model.CRMConflict, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, instance_id, object, local_id, remote_id, field, portico_value, remote_value,
		rule, kept, at FROM crm_conflicts WHERE instance_id = $1 ORDER BY id DESC LIMIT $2`, instanceID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: crm conflicts %d: %w", instanceID, err)
	}
	defer rows.Close()
	var out []model.CRMConflict
	for rows.Next() {
		var c model.CRMConflict
		if err := rows.Scan(&c.ID, &c.InstanceID, &c.Object, &c.LocalID, &c.RemoteID, &c.Field, &c.PorticoValue,
			&c.RemoteValue, &c.Rule, &c.Kept, &c.At); err != nil {
			return nil, fmt.Errorf("store: crm conflicts %d: %w", instanceID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
