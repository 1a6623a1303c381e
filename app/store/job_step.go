package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// JobStep is one step of a running job whose work commits in the same
// transaction as the job's new checkpoint and progress. A worker that
// dies after the commit resumes after the step, and one that dies before
// it finds nothing of the step written: the step is done exactly once.
type JobStep struct {
	ID    int64
	Owner string
	Lease time.Duration
	// From is the checkpoint the step starts at, To the one it ends at.
	From, To string
	// Progress is the job's progress after the step. The work sets it
	// within its transaction, once it knows what it did.
	Progress string
	// Cancel is set by the commit when someone asked to cancel the job.
	Cancel bool
}

// stepJob moves a job's checkpoint to the step's end within the step's
// transaction, and renews the lease. When the job is no longer this
// owner's, or its checkpoint is not where the step started, another
// worker did the step: ErrLeaseLost rolls the transaction back.
func (s *Store) stepJob(ctx context.Context, tx *sql.Tx, st *JobStep) error {
	now := s.Now()
	err := tx.QueryRowContext(ctx, `UPDATE jobs SET checkpoint = $1, progress = $2, lease_expires_at = $3, updated_at = $4
		WHERE id = $5 AND lease_owner = $6 AND state = 'running' AND checkpoint = $7 RETURNING cancel_requested`,
		st.To, st.Progress, now.Add(st.Lease), now, st.ID, st.Owner, st.From).Scan(&st.Cancel)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: job %d from checkpoint %q: %w", st.ID, st.From, ErrLeaseLost)
	}
	if err != nil {
		return fmt.Errorf("store: checkpoint job %d: %w", st.ID, err)
	}
	return nil
}
