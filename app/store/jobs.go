package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

const jobColumns = `id, kind, coalesce(singleton, ''), payload, state, checkpoint, progress, attempts, max_attempts, run_at,
	coalesce(lease_owner, ''), lease_expires_at, cancel_requested, error, coalesce(created_by, 0), created_at, updated_at, finished_at`

func scanJob(row interface{ Scan(...any) error }) (*model.Job, error) {
	var j model.Job
	err := row.Scan(&j.ID, &j.Kind, &j.Singleton, &j.Payload, &j.State, &j.Checkpoint, &j.Progress, &j.Attempts, &j.MaxAttempts,
		&j.RunAt, &j.LeaseOwner, &j.LeaseUntil, &j.Cancel, &j.Error, &j.CreatedBy, &j.CreatedAt, &j.UpdatedAt, &j.FinishedAt)
	return &j, err
}

// ErrLeaseLost means another worker holds the job now: this one must stop.
var ErrLeaseLost = errors.New("store: job lease lost")

// EnqueueJob adds a job. A job whose singleton key is already held by a
// queued or running job is refused with ErrConflict.
func (s *Store) EnqueueJob(ctx context.Context, nj model.NewJob) (int64, error) {
	now := s.Now()
	if nj.RunAt.IsZero() {
		nj.RunAt = now
	}
	if nj.MaxAttempts <= 0 {
		nj.MaxAttempts = 5
	}
	if nj.Payload == "" {
		nj.Payload = "{}"
	}
	var createdBy any
	if nj.CreatedBy != 0 {
		createdBy = nj.CreatedBy
	}
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO jobs (kind, singleton, payload, max_attempts, run_at, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
		nj.Kind, nullable(nj.Singleton), nj.Payload, nj.MaxAttempts, nj.RunAt, createdBy, now).Scan(&id)
	if isUnique(err, "") {
		return 0, fmt.Errorf("store: enqueue %s: %w", nj.Kind, model.ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("store: enqueue %s: %w", nj.Kind, err)
	}
	return id, nil
}

// ClaimJob leases the next due job of the given kinds: a queued one whose
// time has come, or a running one whose worker stopped renewing its lease.
func (s *Store) ClaimJob(ctx context.Context, owner string, kinds []string, lease time.Duration) (*model.Job, error) {
	var job *model.Job
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		args := []any{now}
		marks := make([]string, len(kinds))
		for i, k := range kinds {
			args = append(args, k)
			marks[i] = fmt.Sprintf("$%d", i+2)
		}
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM jobs
			WHERE ((state = 'queued' AND run_at <= $1) OR (state = 'running' AND lease_expires_at < $1))
			AND kind IN (`+strings.Join(marks, ", ")+`) ORDER BY run_at, id LIMIT 1`, args...).Scan(&id)
		if err != nil {
			return notFound(err, "due job", kinds)
		}
		job, err = scanJob(tx.QueryRowContext(ctx, `UPDATE jobs SET state = 'running', lease_owner = $1, lease_expires_at = $2,
			attempts = attempts + 1, updated_at = $3 WHERE id = $4 RETURNING `+jobColumns, owner, now.Add(lease), now, id))
		return err
	})
	return job, err
}

// HeartbeatJob renews a lease and saves progress and checkpoint. It
// reports whether someone asked to cancel the job, and ErrLeaseLost when
// the job is no longer this owner's.
func (s *Store) HeartbeatJob(ctx context.Context, id int64, owner string, lease time.Duration, progress, checkpoint string) (bool, error) {
	now := s.Now()
	var cancel bool
	err := s.w.QueryRowContext(ctx, `UPDATE jobs SET lease_expires_at = $1, progress = $2, checkpoint = $3, updated_at = $4
		WHERE id = $5 AND lease_owner = $6 AND state = 'running' RETURNING cancel_requested`,
		now.Add(lease), progress, checkpoint, now, id, owner).Scan(&cancel)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrLeaseLost
	}
	if err != nil {
		return false, fmt.Errorf("store: heartbeat job %d: %w", id, err)
	}
	return cancel, nil
}

// FinishJob ends a job as done, failed or cancelled.
func (s *Store) FinishJob(ctx context.Context, id int64, owner string, state model.JobState, progress, errText string) error {
	now := s.Now()
	res, err := s.w.ExecContext(ctx, `UPDATE jobs SET state = $1, progress = $2, error = $3, lease_owner = NULL, lease_expires_at = NULL,
		finished_at = $4, updated_at = $4 WHERE id = $5 AND lease_owner = $6`, state, progress, errText, now, id, owner)
	return leaseResult(res, err, id)
}

// RetryJob puts a failed attempt back in the queue for later.
func (s *Store) RetryJob(ctx context.Context, id int64, owner string, runAt time.Time, errText string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE jobs SET state = 'queued', run_at = $1, error = $2, lease_owner = NULL,
		lease_expires_at = NULL, updated_at = $3 WHERE id = $4 AND lease_owner = $5`, runAt, errText, s.Now(), id, owner)
	return leaseResult(res, err, id)
}

// ReleaseJob gives a lease back at shutdown so the next worker resumes
// the job at once instead of waiting for the lease to run out.
func (s *Store) ReleaseJob(ctx context.Context, id int64, owner string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE jobs SET lease_expires_at = $1, updated_at = $1 WHERE id = $2 AND lease_owner = $3 AND state = 'running'`,
		s.Now().Add(-time.Second), id, owner)
	return leaseResult(res, err, id)
}

func leaseResult(res sql.Result, err error, id int64) error {
	if err != nil {
		return fmt.Errorf("store: update job %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrLeaseLost
	}
	return nil
}

// CancelJob stops a job: a queued job, or a running one whose worker is
// gone, is cancelled at once; a running one is asked to stop at its next
// heartbeat. Finished jobs are left as they are.
func (s *Store) CancelJob(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		res, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'cancelled', lease_owner = NULL, lease_expires_at = NULL,
			finished_at = $1, updated_at = $1 WHERE id = $2 AND (state = 'queued' OR (state = 'running' AND lease_expires_at < $1))`, now, id)
		if err != nil {
			return fmt.Errorf("store: cancel job %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE jobs SET cancel_requested = TRUE, updated_at = $1 WHERE id = $2 AND state = 'running'`, now, id)
		return err
	})
}

// Job returns one job.
func (s *Store) Job(ctx context.Context, id int64) (*model.Job, error) {
	j, err := scanJob(s.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "job", id)
	}
	return j, nil
}

// ActiveJob returns the queued or running job holding a singleton key.
func (s *Store) ActiveJob(ctx context.Context, singleton string) (*model.Job, error) {
	j, err := scanJob(s.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs
		WHERE singleton = $1 AND state IN ('queued', 'running')`, singleton))
	if err != nil {
		return nil, notFound(err, "active job", singleton)
	}
	return j, nil
}

// Jobs lists the newest jobs of a kind.
func (s *Store) Jobs(ctx context.Context, kind string, limit int) ([]model.Job, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE kind = $1 ORDER BY id DESC LIMIT $2`, kind, limit)
	if err != nil {
		return nil, fmt.Errorf("store: jobs %s: %w", kind, err)
	}
	defer rows.Close()
	var out []model.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan job: %w", err)
		}
		out = append(out, *j)
	}
	return out, rows.Err()
}
