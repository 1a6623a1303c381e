package bulk

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// Result counts what a bulk change did: Total contacts selected (known
// once counted), Changed, and Skipped by reason.
type Result struct {
	Total   int            `json:"total"`
	Changed int            `json:"changed"`
	Skipped map[string]int `json:"skipped,omitempty"`
}

// ResultOf reads a bulk job's progress.
func ResultOf(j *model.Job) Result {
	var r Result
	json.Unmarshal([]byte(j.Progress), &r)
	return r
}

func (r *Result) skip(why string, n int) {
	if n <= 0 {
		return
	}
	if r.Skipped == nil {
		r.Skipped = map[string]int{}
	}
	r.Skipped[why] += n
}

// SkippedCount is how many contacts were skipped, for any reason.
func (r Result) SkippedCount() int {
	n := 0
	for _, v := range r.Skipped {
		n += v
	}
	return n
}

// Done is how many contacts the result accounts for.
func (r Result) Done() int { return r.Changed + r.SkippedCount() }

func (r Result) json() string {
	b, _ := json.Marshal(r)
	return string(b)
}

// Past is what an action did, as a count reads it: "12 tagged".
func (r *Request) Past() string {
	switch r.Action {
	case Tag:
		return "tagged “" + r.Tag + "”"
	case Untag:
		return "untagged “" + r.Tag + "”"
	case AddCompany:
		return "added to " + r.Company
	}
	return map[Action]string{Block: "blocked", Unblock: "unblocked", Delete: "deleted", Restore: "restored"}[r.Action]
}

// Summary says a result in one line: "12 tagged “vip”; 3 skipped
// (already tagged)", or with several reasons "5 skipped (3 deleted,
// 2 already tagged)", most frequent first.
func (r Result) Summary(req *Request) string {
	out := fmt.Sprintf("%d %s", r.Changed, req.Past())
	n := r.SkippedCount()
	if n == 0 {
		return out
	}
	whys := slices.SortedFunc(maps.Keys(r.Skipped), func(a, b string) int {
		if r.Skipped[a] != r.Skipped[b] {
			return r.Skipped[b] - r.Skipped[a]
		}
		return strings.Compare(a, b)
	})
	if len(whys) == 1 {
		return fmt.Sprintf("%s; %d skipped (%s)", out, n, whys[0])
	}
	parts := make([]string, len(whys))
	for i, w := range whys {
		parts[i] = fmt.Sprintf("%d %s", r.Skipped[w], w)
	}
	return fmt.Sprintf("%s; %d skipped (%s)", out, n, strings.Join(parts, ", "))
}
