package imports

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strings"
)

// FailureSummary is why an import's rows failed, as its page and the
// command line show it: the commonest reasons with how many rows each
// failed, and the numbers of the first failed rows.
type FailureSummary struct {
	Reasons []FailureReason
	// Other is how many failed rows have a reason not listed.
	Other int
	// FirstRows are the first failed rows' numbers; More says there are
	// others after them.
	FirstRows []int
	More      bool
}

// FailureReason is one reason rows failed for, and how many did.
type FailureReason struct {
	Reason string
	Rows   int
}

// How much a FailureSummary lists.
const (
	summaryReasons = 5
	summaryRows    = 10
)

// SummariseFailures reads an import's failed rows once and sums them up.
func SummariseFailures(ctx context.Context, d Deps, id int64) (FailureSummary, error) {
	var s FailureSummary
	counts := map[string]int{}
	var order []string
	err := d.Store.ImportFailureReasonsEach(ctx, id, func(row int, reason string) error {
		if len(s.FirstRows) < summaryRows {
			s.FirstRows = append(s.FirstRows, row)
		} else {
			s.More = true
		}
		key := reasonPattern(reason)
		if counts[key] == 0 {
			order = append(order, key)
		}
		counts[key]++
		return nil
	})
	if err != nil {
		return FailureSummary{}, err
	}
	// Most rows first; on a tie, the reason met first in the file.
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	for i, key := range order {
		if i < summaryReasons {
			s.Reasons = append(s.Reasons, FailureReason{Reason: key, Rows: counts[key]})
		} else {
			s.Other += counts[key]
		}
	}
	return s, nil
}

// rowValues finds what a reason quotes from its own row: a quoted value
// (“x@y”), an address, or a contact's number.
var rowValues = regexp.MustCompile(`“[^”]*”|[^\s“”()]+@[^\s“”()]*[^\s“”().,;]|contact \d+`)

// reasonPattern is a reason with its row's own values replaced by "…",
// so rows that failed for the same reason count together: “a@x”: and
// “b@y”: with the same message are one reason. An example the message
// gives ("such as name@example.com") is its own text and stays.
func reasonPattern(reason string) string {
	var b strings.Builder
	last := 0
	for _, m := range rowValues.FindAllStringIndex(reason, -1) {
		v := reason[m[0]:m[1]]
		b.WriteString(reason[last:m[0]])
		last = m[1]
		switch {
		case strings.HasSuffix(reason[:m[0]], "such as "):
			b.WriteString(v)
		case strings.HasPrefix(v, "contact "):
			b.WriteString("contact …")
		case strings.HasPrefix(v, "“"):
			b.WriteString("“…”")
		default:
			b.WriteString("…")
		}
	}
	b.WriteString(reason[last:])
	return b.String()
}
