package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// writeAudit records a change in the same transaction as the change.
func (s *Store) writeAudit(ctx context.Context, tx *sql.Tx, actor model.Actor, subjectType string, id int64, action string, changes []model.Change) error {
	if changes == nil {
		changes = []model.Change{}
	}
	js, err := json.Marshal(changes)
	if err != nil {
		return fmt.Errorf("store: encode audit: %w", err)
	}
	var actorID any
	if actor.ID != 0 {
		actorID = actor.ID
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_entries (subject_type, subject_id, actor_id, actor_name, action, changes, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, subjectType, id, actorID, actor.Name, action, string(js), s.Now())
	if err != nil {
		return fmt.Errorf("store: write audit: %w", err)
	}
	return nil
}

// Audit returns a subject's audit trail, newest first.
func (s *Store) Audit(ctx context.Context, subjectType string, id int64, limit int) ([]model.AuditEntry, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, subject_type, subject_id, coalesce(actor_id, 0), actor_name, action, changes, created_at
		FROM audit_entries WHERE subject_type = $1 AND subject_id = $2 ORDER BY id DESC LIMIT $3`, subjectType, id, limit)
	if err != nil {
		return nil, fmt.Errorf("store: audit %s %d: %w", subjectType, id, err)
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		var js string
		if err := rows.Scan(&e.ID, &e.SubjectType, &e.SubjectID, &e.ActorID, &e.ActorName, &e.Action, &js, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: scan audit: %w", err)
		}
		if err := json.Unmarshal([]byte(js), &e.Changes); err != nil {
			return nil, fmt.Errorf("store: decode audit %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// diffFields lists the fields that differ between two contacts' fields.
func diffFields(a, b model.ContactFields) []model.Change {
	return changed([][3]string{
		{"name", a.Name, b.Name}, {"job_title", a.JobTitle, b.JobTitle}, {"phone", a.Phone, b.Phone},
		{"mobile", a.Mobile, b.Mobile}, {"language", a.Language, b.Language}, {"time_zone", a.TimeZone, b.TimeZone},
		{"external_id", a.ExternalID, b.ExternalID}, {"twitter_id", a.TwitterID, b.TwitterID}, {"address", a.Address, b.Address},
		{"about", a.About, b.About},
	})
}

// changed turns (field, from, to) triples into the changes an audit entry
// records, leaving out the fields whose value stayed the same.
func changed(triples [][3]string) []model.Change {
	var out []model.Change
	for _, p := range triples {
		if p[1] != p[2] {
			out = append(out, model.Change{Field: p[0], From: p[1], To: p[2]})
		}
	}
	return out
}
