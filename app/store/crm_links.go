package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

const linkColumns = `id, instance_id, object, local_id, remote_id, remote_version, synced, state, synced_at`

func scanLink(row interface{ Scan(...any) error }) (*model.CRMLink, error) {
	var l model.CRMLink
	var synced string
	if err := row.Scan(&l.ID, &l.InstanceID, &l.Object, &l.LocalID, &l.RemoteID, &l.RemoteVersion, &synced, &l.State, &l.SyncedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(synced), &l.Synced); err != nil {
		return nil, fmt.Errorf("store: synced values of link %d: %w", l.ID, err)
	}
	return &l, nil
}

// SaveCRMLink creates or replaces the link of a Portico record, keyed by
// connector, object and local id.
func (s *Store) SaveCRMLink(ctx context.Context, l model.CRMLink) error {
	synced, err := json.Marshal(l.Synced)
	if err != nil {
		return fmt.Errorf("store: encode synced values: %w", err)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO crm_links (instance_id, object, local_id, remote_id, remote_version, synced, state, synced_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (instance_id, object, local_id) DO UPDATE SET
			remote_id = excluded.remote_id, remote_version = excluded.remote_version, synced = excluded.synced,
			state = excluded.state, synced_at = excluded.synced_at`,
			l.InstanceID, l.Object, l.LocalID, l.RemoteID, l.RemoteVersion, string(synced), l.State, s.Now())
		if err != nil {
			return fmt.Errorf("store: save link %s %d: %w", l.Object, l.LocalID, err)
		}
		return nil
	})
}

// CRMLinkByLocal returns the link of a Portico record.
func (s *Store) CRMLinkByLocal(ctx context.Context, instanceID int64, object string, localID int64) (*model.CRMLink, error) {
	l, err := scanLink(s.r.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM crm_links
		WHERE instance_id = $1 AND object = $2 AND local_id = $3`, instanceID, object, localID))
	if err != nil {
		return nil, notFound(err, "link of "+object, localID)
	}
	return l, nil
}

// CRMLinkByRemote returns the link of a remote record.
func (s *Store) CRMLinkByRemote(ctx context.Context, instanceID int64, object, remoteID string) (*model.CRMLink, error) {
	l, err := scanLink(s.r.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM crm_links
		WHERE instance_id = $1 AND object = $2 AND remote_id = $3`, instanceID, object, remoteID))
	if err != nil {
		return nil, notFound(err, "link of remote "+object, remoteID)
	}
	return l, nil
}

// CRMLinks returns a page of a connector's links, newest sync first.
func (s *Store) CRMLinks(ctx context.Context, instanceID int64, limit, offset int) ([]model.CRMLink, error) {
	return s.links(ctx, `SELECT `+linkColumns+` FROM crm_links WHERE instance_id = $1
		ORDER BY synced_at DESC, id DESC LIMIT $2 OFFSET $3`, instanceID, limit, offset)
}

// CRMLinksOf returns every connector's link of one Portico record.
func (s *Store) CRMLinksOf(ctx context.Context, object string, localID int64) ([]model.CRMLink, error) {
	return s.links(ctx, `SELECT `+linkColumns+` FROM crm_links WHERE object = $1 AND local_id = $2 ORDER BY instance_id`, object, localID)
}

// CRMLinkCounts counts a connector's links by state.
func (s *Store) CRMLinkCounts(ctx context.Context, instanceID int64) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT state, count(*) FROM crm_links WHERE instance_id = $1 GROUP BY state`, instanceID)
	if err != nil {
		return nil, fmt.Errorf("store: link counts %d: %w", instanceID, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("store: link counts %d: %w", instanceID, err)
		}
		out[state] = n
	}
	return out, rows.Err()
}

func (s *Store) links(ctx context.Context, q string, args ...any) ([]model.CRMLink, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: crm links: %w", err)
	}
	defer rows.Close()
	var out []model.CRMLink
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, fmt.Errorf("store: crm links: %w", err)
		}
		out = append(out, *l)
	}
	return out, rows.Err()
}

// LiveContactIDs returns the ids of the contacts not deleted, in id
// order, for a first sync to match.
func (s *Store) LiveContactIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM contacts WHERE state <> 'deleted' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: live contacts: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: live contacts: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CompanyIDs returns the ids of every company, in id order, for a first
// sync to match.
func (s *Store) CompanyIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM companies ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: company ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: company ids: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
