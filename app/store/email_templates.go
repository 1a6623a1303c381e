package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// EmailTemplates returns the admins' versions of the email templates, by
// key. A key missing here uses its built-in default.
func (s *Store) EmailTemplates(ctx context.Context) (map[string]model.EmailTemplate, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT key, subject, html, text, updated_at, updated_by_name FROM email_templates`)
	if err != nil {
		return nil, fmt.Errorf("store: email templates: %w", err)
	}
	defer rows.Close()
	out := map[string]model.EmailTemplate{}
	for rows.Next() {
		var t model.EmailTemplate
		if err := rows.Scan(&t.Key, &t.Subject, &t.HTML, &t.Text, &t.UpdatedAt, &t.UpdatedBy); err != nil {
			return nil, fmt.Errorf("store: scan email template: %w", err)
		}
		out[t.Key] = t
	}
	return out, rows.Err()
}

// EmailTemplate returns the admins' version of one template, or
// ErrNotFound when the built-in default is in use.
func (s *Store) EmailTemplate(ctx context.Context, key string) (*model.EmailTemplate, error) {
	var t model.EmailTemplate
	err := s.r.QueryRowContext(ctx, `SELECT key, subject, html, text, updated_at, updated_by_name FROM email_templates WHERE key = $1`, key).
		Scan(&t.Key, &t.Subject, &t.HTML, &t.Text, &t.UpdatedAt, &t.UpdatedBy)
	if err != nil {
		return nil, notFound(err, "email template", key)
	}
	return &t, nil
}

// SaveEmailTemplate stores an admin's version of a template.
func (s *Store) SaveEmailTemplate(ctx context.Context, actor model.Actor, t model.EmailTemplate) error {
	var by any
	if actor.ID != 0 {
		by = actor.ID
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO email_templates (key, subject, html, text, updated_at, updated_by, updated_by_name)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO UPDATE SET subject = excluded.subject, html = excluded.html,
		text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name`,
		t.Key, t.Subject, t.HTML, t.Text, s.Now(), by, actor.Name)
	if err != nil {
		return fmt.Errorf("store: save email template %s: %w", t.Key, err)
	}
	return nil
}

// DeleteEmailTemplate drops an admin's version, so the built-in default
// is used again. Deleting a template that was never changed is no error.
func (s *Store) DeleteEmailTemplate(ctx context.Context, key string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM email_templates WHERE key = $1`, key); err != nil {
		return fmt.Errorf("store: reset email template %s: %w", key, err)
	}
	return nil
}
