package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// CompanyActivity returns the newest audit entries of a company's
// contacts, newest first, each with its contact's name.
func (s *Store) CompanyActivity(ctx context.Context, companyID int64, limit int) ([]model.ContactActivity, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.subject_type, a.subject_id, coalesce(a.actor_id, 0), a.actor_name,
		a.action, a.changes, a.created_at, c.name
		FROM contact_companies m JOIN contacts c ON c.id = m.contact_id
		JOIN audit_entries a ON a.subject_type = 'contact' AND a.subject_id = m.contact_id
		WHERE m.company_id = $1 ORDER BY a.id DESC LIMIT $2`, companyID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: activity of company %d: %w", companyID, err)
	}
	defer rows.Close()
	var out []model.ContactActivity
	for rows.Next() {
		var e model.ContactActivity
		var js string
		if err := rows.Scan(&e.ID, &e.SubjectType, &e.SubjectID, &e.ActorID, &e.ActorName, &e.Action, &js, &e.CreatedAt,
			&e.ContactName); err != nil {
			return nil, fmt.Errorf("store: scan activity: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &e.Changes); err != nil {
			return nil, fmt.Errorf("store: decode audit %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// MembersAmong reports which of the contacts ids belong to a company, so
// a search for contacts to add can mark those already there.
func (s *Store) MembersAmong(ctx context.Context, companyID int64, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	args := []any{companyID}
	marks := make([]string, len(ids))
	for i, id := range ids {
		args = append(args, id)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT contact_id FROM contact_companies WHERE company_id = $1 AND contact_id IN (`+
		strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: members of company %d: %w", companyID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: scan member: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
