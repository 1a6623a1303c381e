package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const exportColumns = `id, coalesce(job_id, 0), agent_id, format, fields, view, search, company_id, tag, scope, bom, neutralise,
	path, size, rows_total, rows_done, state, error, created_at, finished_at, expires_at, ids, kind, report`

func scanExport(row interface{ Scan(...any) error }) (*model.Export, error) {
	var e model.Export
	var fields, ids string
	err := row.Scan(&e.ID, &e.JobID, &e.AgentID, &e.Format, &fields, &e.Query.View, &e.Query.Search, &e.Query.CompanyID,
		&e.Query.Tag, &e.Scope, &e.BOM, &e.Neutralise, &e.Path, &e.Size, &e.RowsTotal, &e.RowsDone, &e.State, &e.Error,
		&e.CreatedAt, &e.FinishedAt, &e.ExpiresAt, &ids, &e.Kind, &e.Report)
	if fields != "" {
		e.Fields = strings.Split(fields, ",")
	}
	for _, v := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' }) {
		id, _ := strconv.ParseInt(v, 10, 64)
		e.Query.IDs = append(e.Query.IDs, id)
	}
	return &e, err
}

// CreateExport records a new export, queued, before its job exists.
func (s *Store) CreateExport(ctx context.Context, e model.Export) (int64, error) {
	var id int64
	q := e.Query
	ids := make([]string, len(q.IDs))
	for i, v := range q.IDs {
		ids[i] = strconv.FormatInt(v, 10)
	}
	err := s.w.QueryRowContext(ctx, `INSERT INTO exports (agent_id, format, fields, view, search, company_id, tag, scope, bom,
		neutralise, created_at, ids, kind, report) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		RETURNING id`,
		e.AgentID, e.Format, strings.Join(e.Fields, ","), q.View, q.Search, q.CompanyID, q.Tag, e.Scope, e.BOM,
		e.Neutralise, s.Now(), strings.Join(ids, ","), exportKind(e.Kind), e.Report).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create export: %w", err)
	}
	return id, nil
}

// SetExportJob records which job runs an export.
func (s *Store) SetExportJob(ctx context.Context, id, jobID int64) error {
	_, err := s.w.ExecContext(ctx, `UPDATE exports SET job_id = $1 WHERE id = $2`, jobID, id)
	if err != nil {
		return fmt.Errorf("store: set job of export %d: %w", id, err)
	}
	return nil
}

// Export returns one export.
func (s *Store) Export(ctx context.Context, id int64) (*model.Export, error) {
	e, err := scanExport(s.r.QueryRowContext(ctx, `SELECT `+exportColumns+` FROM exports WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "export", id)
	}
	return e, nil
}

// ExportsOf lists an agent's newest exports.
func (s *Store) ExportsOf(ctx context.Context, agentID int64, limit int) ([]model.Export, error) {
	return s.exports(ctx, `SELECT `+exportColumns+` FROM exports WHERE agent_id = $1 ORDER BY id DESC LIMIT $2`, agentID, limit)
}

// DueExports lists finished exports whose files expired by now, for the
// sweep that deletes them.
func (s *Store) DueExports(ctx context.Context, now time.Time) ([]model.Export, error) {
	return s.exports(ctx, `SELECT `+exportColumns+` FROM exports WHERE state = 'done' AND expires_at <= $1 ORDER BY id`, now)
}

func (s *Store) exports(ctx context.Context, query string, args ...any) ([]model.Export, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: exports: %w", err)
	}
	defer rows.Close()
	var out []model.Export
	for rows.Next() {
		e, err := scanExport(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan export: %w", err)
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

// BeginExport marks an export running with its number of rows; a run
// that starts again after a crash starts from its first row.
func (s *Store) BeginExport(ctx context.Context, id int64, total int) error {
	return s.execExport(ctx, id, `UPDATE exports SET state = 'running', rows_total = $1, rows_done = 0, error = ''
		WHERE id = $2`, total, id)
}

// SetExportProgress records how many rows an export has written.
func (s *Store) SetExportProgress(ctx context.Context, id int64, done int) error {
	return s.execExport(ctx, id, `UPDATE exports SET rows_done = $1 WHERE id = $2`, done, id)
}

// FinishExport records a written file and queues the email that tells
// its agent, in one transaction, so the email goes out exactly when the
// file can be downloaded.
func (s *Store) FinishExport(ctx context.Context, e model.Export, m *model.NewMail) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE exports SET state = 'done', path = $1, size = $2, rows_total = $3, rows_done = $3,
			finished_at = $4, expires_at = $5 WHERE id = $6`, e.Path, e.Size, e.RowsDone, s.Now(), e.ExpiresAt, e.ID)
		if err != nil {
			return fmt.Errorf("store: finish export %d: %w", e.ID, err)
		}
		if m != nil {
			_, err = s.QueueEmailTx(ctx, tx, *m)
		}
		return err
	})
}

// FailExport records why an export could not be written.
func (s *Store) FailExport(ctx context.Context, id int64, reason string) error {
	return s.execExport(ctx, id, `UPDATE exports SET state = 'failed', error = $1, finished_at = $2 WHERE id = $3`,
		reason, s.Now(), id)
}

// ExpireExport records that an export's file was deleted.
func (s *Store) ExpireExport(ctx context.Context, id int64) error {
	return s.execExport(ctx, id, `UPDATE exports SET state = 'expired', path = '' WHERE id = $1`, id)
}

func (s *Store) execExport(ctx context.Context, id int64, query string, args ...any) error {
	if _, err := s.w.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("store: export %d: %w", id, err)
	}
	return nil
}

// exportKind is a new export's kind; contact exports predate kinds.
func exportKind(k string) string {
	if k == "" {
		return model.ExportContacts
	}
	return k
}
