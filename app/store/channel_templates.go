package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ChannelTemplates returns the admins' versions of the channel texts, by
// kind. A kind missing here uses its built-in default.
func (s *Store) ChannelTemplates(ctx context.Context) (map[model.NotifyKind]model.ChannelTemplate, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT kind, text, updated_at, updated_by_name FROM channel_templates`)
	if err != nil {
		return nil, fmt.Errorf("store: channel templates: %w", err)
	}
	defer rows.Close()
	out := map[model.NotifyKind]model.ChannelTemplate{}
	for rows.Next() {
		var t model.ChannelTemplate
		if err := rows.Scan(&t.Kind, &t.Text, &t.UpdatedAt, &t.UpdatedBy); err != nil {
			return nil, fmt.Errorf("store: scan channel template: %w", err)
		}
		out[t.Kind] = t
	}
	return out, rows.Err()
}

// SaveChannelTemplate stores an admin's version of a kind's channel text.
func (s *Store) SaveChannelTemplate(ctx context.Context, actor model.Actor, t model.ChannelTemplate) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO channel_templates (kind, text, updated_at, updated_by, updated_by_name)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
		updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name`,
		t.Kind, t.Text, s.Now(), nullableID(actor.ID), actor.Name)
	if err != nil {
		return fmt.Errorf("store: save channel template %s: %w", t.Kind, err)
	}
	return nil
}

// DeleteChannelTemplate drops an admin's version, so the built-in
// default is used again.
func (s *Store) DeleteChannelTemplate(ctx context.Context, kind model.NotifyKind) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM channel_templates WHERE kind = $1`, kind); err != nil {
		return fmt.Errorf("store: reset channel template %s: %w", kind, err)
	}
	return nil
}
