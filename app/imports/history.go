package imports

import (
	"context"
	"encoding/json"

	"github.com/portico-hub/portico/app/model"
)

// Pace is how fast a running import goes, as its job last reported:
// rows per second, and the seconds left at that rate. It is zero before
// the first report and once the import has ended.
func Pace(ctx context.Context, d Deps, im *model.Import) (rate, left int) {
	if im.State.Finished() || im.JobID == 0 {
		return 0, 0
	}
	j, err := d.Store.Job(ctx, im.JobID)
	if err != nil || j.Progress == "" {
		return 0, 0
	}
	var pace struct{ Rate, Left int }
	if json.Unmarshal([]byte(j.Progress), &pace) != nil {
		return 0, 0
	}
	return pace.Rate, pace.Left
}

// History returns the latest imports of a kind, up to limit, with the
// names of who started them; by limits it to one agent's, 0 is everyone's.
func History(ctx context.Context, d Deps, kind Kind, by int64, limit int) ([]model.Import, []string, error) {
	return d.Store.ImportHistory(ctx, string(kind), by, limit)
}

// FailureReasons returns why each failed row up to lastRow of an import
// (or dry run) failed, by row number.
func FailureReasons(ctx context.Context, d Deps, id int64, lastRow int) (map[int]string, error) {
	return d.Store.ImportFailureReasons(ctx, id, lastRow)
}
