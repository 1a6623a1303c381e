package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const draftColumns = `id, created_by, kind, filename, path, size, dialect, mapping, mode, match_by, blank, send_activation,
	coalesce(dry_run_id, 0), created_at, updated_at`

func scanDraft(row interface{ Scan(...any) error }) (*model.ImportDraft, error) {
	var d model.ImportDraft
	var mapping string
	err := row.Scan(&d.ID, &d.CreatedBy, &d.Kind, &d.Filename, &d.Path, &d.Size, &d.Dialect, &mapping, &d.Mode, &d.Match,
		&d.Blank, &d.SendActivation, &d.DryRunID, &d.CreatedAt, &d.UpdatedAt)
	if mapping != "" {
		d.Mapping = strings.Split(mapping, "\n")
	}
	return &d, err
}

// CreateImportDraft records an uploaded file at the start of the wizard.
func (s *Store) CreateImportDraft(ctx context.Context, d model.ImportDraft) (int64, error) {
	now := s.Now()
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO import_drafts (created_by, kind, filename, path, size, dialect,
		mapping, match_by, send_activation, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING id`, d.CreatedBy, d.Kind, d.Filename, d.Path, d.Size, d.Dialect, strings.Join(d.Mapping, "\n"), d.Match,
		d.SendActivation, now, now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create import draft: %w", err)
	}
	return id, nil
}

// ImportDraft returns a draft of the agent's own: another agent's draft is
// not found, so its id tells nothing.
func (s *Store) ImportDraft(ctx context.Context, id, agentID int64) (*model.ImportDraft, error) {
	d, err := scanDraft(s.r.QueryRowContext(ctx, `SELECT `+draftColumns+` FROM import_drafts
		WHERE id = $1 AND created_by = $2`, id, agentID))
	if err != nil {
		return nil, notFound(err, "import draft", id)
	}
	return d, nil
}

// SaveImportDraft records the choices of a draft and when they changed.
func (s *Store) SaveImportDraft(ctx context.Context, d *model.ImportDraft) error {
	var dry any
	if d.DryRunID != 0 {
		dry = d.DryRunID
	}
	d.UpdatedAt = s.Now()
	_, err := s.w.ExecContext(ctx, `UPDATE import_drafts SET dialect = $1, mapping = $2, mode = $3, match_by = $4,
		blank = $5, send_activation = $6, dry_run_id = $7, updated_at = $8 WHERE id = $9`,
		d.Dialect, strings.Join(d.Mapping, "\n"), d.Mode, d.Match, d.Blank, d.SendActivation, dry, d.UpdatedAt, d.ID)
	if err != nil {
		return fmt.Errorf("store: save import draft %d: %w", d.ID, err)
	}
	return nil
}

// DeleteImportDraft forgets a draft; its files are the caller's to remove.
func (s *Store) DeleteImportDraft(ctx context.Context, id int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM import_drafts WHERE id = $1`, id); err != nil {
		return fmt.Errorf("store: delete import draft %d: %w", id, err)
	}
	return nil
}

// StaleImportDrafts lists the drafts unchanged since before t, oldest
// first, at most 100 at a time.
func (s *Store) StaleImportDrafts(ctx context.Context, t time.Time) ([]model.ImportDraft, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+draftColumns+` FROM import_drafts WHERE updated_at < $1
		ORDER BY updated_at LIMIT 100`, t)
	if err != nil {
		return nil, fmt.Errorf("store: stale import drafts: %w", err)
	}
	defer rows.Close()
	var out []model.ImportDraft
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan import draft: %w", err)
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}
