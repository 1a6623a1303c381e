package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// SaveEmailTemplateDraft keeps the version of a template an admin is
// previewing, so the preview frame can load it from its own URL, under
// its own sandbox policy, exactly as an email reader would show it.
func (s *Store) SaveEmailTemplateDraft(ctx context.Context, agentID int64, t model.EmailTemplate) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO email_template_drafts (key, agent_id, subject, html, text, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key, agent_id) DO UPDATE SET subject = excluded.subject,
		html = excluded.html, text = excluded.text, updated_at = excluded.updated_at`,
		t.Key, agentID, t.Subject, t.HTML, t.Text, s.Now())
	if err != nil {
		return fmt.Errorf("store: save draft of email template %s: %w", t.Key, err)
	}
	return nil
}

// EmailTemplateDraft returns what an admin last previewed of a template.
func (s *Store) EmailTemplateDraft(ctx context.Context, agentID int64, key string) (*model.EmailTemplate, error) {
	t := model.EmailTemplate{Key: key}
	err := s.r.QueryRowContext(ctx, `SELECT subject, html, text, updated_at FROM email_template_drafts WHERE key = $1 AND agent_id = $2`,
		key, agentID).Scan(&t.Subject, &t.HTML, &t.Text, &t.UpdatedAt)
	if err != nil {
		return nil, notFound(err, "email template draft", key)
	}
	return &t, nil
}
