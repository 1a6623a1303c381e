package web

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/imports"
	"github.com/portico-hub/portico/app/model"
)

// importRun is an import with the pace its job measured, as the progress
// page and the review's dry run show it.
type importRun struct {
	*model.Import
	// Rate is rows per second; Left the seconds to go at that rate.
	Rate, Left int
}

// importRun loads an import and, while it runs, its job's pace.
func (s *Server) importRun(ctx context.Context, id int64) (*importRun, error) {
	im, err := imports.Get(ctx, s.imports, id)
	if err != nil {
		return nil, err
	}
	r := &importRun{Import: im}
	r.Rate, r.Left = imports.Pace(ctx, s.imports, im)
	return r, nil
}

// Counting reports a run that has not yet counted its file's rows.
func (r *importRun) Counting() bool { return !r.State.Finished() && r.RowsTotal == 0 }

// Percent is how much of the file is done, 0 to 100.
func (r *importRun) Percent() int {
	if r.RowsTotal == 0 {
		if r.State == model.JobDone {
			return 100
		}
		return 0
	}
	return min(100, r.Rows()*100/r.RowsTotal)
}

// TimeLeft words the estimate of the time to go.
func (r *importRun) TimeLeft() string {
	d := time.Duration(r.Left) * time.Second
	switch {
	case r.Rate == 0:
		return ""
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return fmt.Sprintf("about %s", count(int(d.Round(time.Minute)/time.Minute), "minute"))
	}
	return fmt.Sprintf("about %s %s", count(int(d/time.Hour), "hour"), count(int(d%time.Hour/time.Minute), "minute"))
}

// Elapsed is how long a finished run took.
func (r *importRun) Elapsed() string {
	if r.FinishedAt == nil {
		return ""
	}
	d := r.FinishedAt.Sub(r.CreatedAt).Round(time.Second)
	if d < time.Second {
		return "under a second"
	}
	return d.String()
}
