package imports

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/portico-hub/portico/app/jobs"
	"github.com/portico-hub/portico/app/model"
)

// Progress is how far an import got, as the job's progress shows it.
type Progress struct {
	Total   int `json:"total"`
	LastRow int `json:"last_row"`
	model.ImportCounts
	// Rate is rows per second in this run; Left estimates the seconds
	// to go at that rate.
	Rate float64 `json:"rate"`
	Left float64 `json:"left"`

	start time.Time
	from  int // rows already done when this run started
}

// Done is how many rows are accounted for.
func (p Progress) Done() int { return p.Rows() }

// measure fills Rate and Left from the time since this run started.
func (p Progress) measure() Progress {
	if secs := time.Since(p.start).Seconds(); secs > 0 {
		p.Rate = float64(p.Done()-p.from) / secs
	}
	if p.Rate > 0 && p.Total > p.Done() {
		p.Left = float64(p.Total-p.Done()) / p.Rate
	}
	return p
}

// JSON is the progress as the job stores it.
func (p Progress) JSON() string {
	b, _ := json.Marshal(map[string]any{"total": p.Total, "done": p.Done(), "created": p.Created, "updated": p.Updated,
		"skipped": p.Skipped, "failed": p.Failed, "rate": int(p.Rate), "left": int(p.Left)})
	return string(b)
}

// tooLate drops a cancellation that save reported after the last row
// was committed: the cancel stopped nothing, so the import finishes as
// done, sending what a done import sends, instead of claiming all its
// rows were imported by a cancelled import.
func tooLate(p Progress, err error) error {
	if errors.Is(err, jobs.ErrCancelled) && p.Total > 0 && p.Done() >= p.Total {
		return nil
	}
	return err
}
