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

// MaySee reports whether an agent may see an import: admins see every
// import, agents their own. The file and its failed rows hold customer
// data that its importer chose to bring in, so they go no further.
func MaySee(a *model.Agent, im *model.Import) bool {
	return SeesAll(a) || im.CreatedBy == a.ID
}

// SeesAll reports whether an agent sees everyone's imports.
func SeesAll(a *model.Agent) bool { return a.IsAdmin() }

// History returns the newest imports of a kind that agent a may see, up
// to limit, with the names of who started them.
func History(ctx context.Context, d Deps, a *model.Agent, kind Kind, limit int) ([]model.Import, []string, error) {
	by := a.ID
	if SeesAll(a) {
		by = 0
	}
	return d.Store.ImportHistory(ctx, string(kind), by, limit)
}

// FailureReasons returns why each failed row up to lastRow of an import
// (or dry run) failed, by row number.
func FailureReasons(ctx context.Context, d Deps, id int64, lastRow int) (map[int]string, error) {
	return d.Store.ImportFailureReasons(ctx, id, lastRow)
}
