package store

import (
	"context"
	"fmt"
	"time"
)

// DeleteFinishedJobs deletes the jobs of a kind that finished before a
// time, for kinds no page shows once done, such as the requests for
// links, which hold an address someone typed and must not pile up.
func (s *Store) DeleteFinishedJobs(ctx context.Context, kind string, before time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM jobs WHERE kind = $1 AND state IN ('done', 'failed', 'cancelled')
		AND finished_at < $2`, kind, before)
	if err != nil {
		return 0, fmt.Errorf("store: delete finished %s jobs: %w", kind, err)
	}
	return res.RowsAffected()
}
