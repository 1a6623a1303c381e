package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

const importColumns = `id, coalesce(job_id, 0), kind, filename, path, size, dialect, mapping, mode, match_by, blank,
	send_activation, dry_run, rows_total, last_row, created, updated, skipped, failed, state, error,
	coalesce(created_by, 0), created_at, finished_at, coalesce(plugin_instance_id, 0), source_cursor, source_row`

func scanImport(row interface{ Scan(...any) error }) (*model.Import, error) {
	var im model.Import
	var mapping string
	err := row.Scan(&im.ID, &im.JobID, &im.Kind, &im.Filename, &im.Path, &im.Size, &im.Dialect, &mapping, &im.Mode, &im.Match,
		&im.Blank, &im.SendActivation, &im.DryRun, &im.RowsTotal, &im.LastRow, &im.Created, &im.Updated, &im.Skipped,
		&im.Failed, &im.State, &im.Error, &im.CreatedBy, &im.CreatedAt, &im.FinishedAt, &im.PluginInstanceID, &im.SourceCursor,
		&im.SourceRow)
	if mapping != "" {
		im.Mapping = strings.Split(mapping, "\n")
	}
	return &im, err
}

// CreateImport records a new import, queued, before its job exists.
func (s *Store) CreateImport(ctx context.Context, im model.Import) (int64, error) {
	var createdBy any
	if im.CreatedBy != 0 {
		createdBy = im.CreatedBy
	}
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO imports (kind, filename, path, size, dialect, mapping, mode, match_by, blank,
		send_activation, dry_run, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		im.Kind, im.Filename, im.Path, im.Size, im.Dialect, strings.Join(im.Mapping, "\n"), im.Mode, im.Match, im.Blank,
		im.SendActivation, im.DryRun, createdBy, s.Now()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create import: %w", err)
	}
	return id, nil
}

// SetImportFile records where an import's file is kept and which job runs it.
func (s *Store) SetImportFile(ctx context.Context, id int64, path string, jobID int64) error {
	var job any
	if jobID != 0 {
		job = jobID
	}
	_, err := s.w.ExecContext(ctx, `UPDATE imports SET path = $1, job_id = coalesce($2, job_id) WHERE id = $3`, path, job, id)
	if err != nil {
		return fmt.Errorf("store: set file of import %d: %w", id, err)
	}
	return nil
}

// Import returns one import.
func (s *Store) Import(ctx context.Context, id int64) (*model.Import, error) {
	im, err := scanImport(s.r.QueryRowContext(ctx, `SELECT `+importColumns+` FROM imports WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "import", id)
	}
	return im, nil
}

// ImportOfJob returns the import a job runs.
func (s *Store) ImportOfJob(ctx context.Context, jobID int64) (*model.Import, error) {
	im, err := scanImport(s.r.QueryRowContext(ctx, `SELECT `+importColumns+` FROM imports WHERE job_id = $1`, jobID))
	if err != nil {
		return nil, notFound(err, "import of job", jobID)
	}
	return im, nil
}

// Imports lists the newest imports of a kind, for the import history.
func (s *Store) Imports(ctx context.Context, kind string, limit int) ([]model.Import, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+importColumns+` FROM imports WHERE kind = $1 ORDER BY id DESC LIMIT $2`, kind, limit)
	if err != nil {
		return nil, fmt.Errorf("store: imports: %w", err)
	}
	defer rows.Close()
	var out []model.Import
	for rows.Next() {
		im, err := scanImport(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan import: %w", err)
		}
		out = append(out, *im)
	}
	return out, rows.Err()
}

// BeginImport marks an import running and records how many rows its file
// has. A dry run starts over each time, so its counts are reset.
func (s *Store) BeginImport(ctx context.Context, id int64, total int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE imports SET state = 'running', rows_total = $1 WHERE id = $2`, total, id)
		if err != nil {
			return fmt.Errorf("store: begin import %d: %w", id, err)
		}
		var dry bool
		if err := tx.QueryRowContext(ctx, `SELECT dry_run FROM imports WHERE id = $1`, id).Scan(&dry); err != nil {
			return notFound(err, "import", id)
		}
		if !dry {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM import_failures WHERE import_id = $1`, id); err != nil {
			return fmt.Errorf("store: restart dry run %d: %w", id, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE imports SET last_row = 0, rows_done = 0, created = 0, updated = 0, skipped = 0,
			failed = 0 WHERE id = $1`, id)
		return err
	})
}

// CountImport records how many rows the file of an import has that
// ended before its run counted them, as when it was cancelled while it
// waited, so that its page and the history tell the file's size.
func (s *Store) CountImport(ctx context.Context, id int64, total int) error {
	_, err := s.w.ExecContext(ctx, `UPDATE imports SET rows_total = $1 WHERE id = $2 AND rows_total = 0`, total, id)
	if err != nil {
		return fmt.Errorf("store: count rows of import %d: %w", id, err)
	}
	return nil
}

// FinishImport records how an import ended and, when it finished as done
// and was asked to, queues the activation emails of the contacts it
// created. A cancelled or failed import keeps its noted contacts but
// emails no one: it was often stopped because it was the wrong file, and
// its importer sends the emails later, if at all, from its page.
func (s *Store) FinishImport(ctx context.Context, id int64, state model.JobState, errText string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE imports SET state = $1, error = $2, finished_at = $3 WHERE id = $4`,
			state, errText, s.Now(), id)
		if err != nil {
			return fmt.Errorf("store: finish import %d: %w", id, err)
		}
		if state != model.JobDone {
			return nil
		}
		_, err = s.queueImportActivations(ctx, tx, id, 0)
		return err
	})
}
