package testkit

import (
	"fmt"
	"testing"
)

// Due is an event a receiver must get: its webhook id and what it is
// about ("contact:42", or empty when it is about nothing in particular).
type Due struct{ ID, Resource string }

// CheckArrivals fails the test unless the receiver accepted every due
// event at least once and nothing else, and each resource's events in
// the order of due (commit order). A repeat may come, but only before
// the next event about its resource: the resource's arrivals, repeats
// included, never go back. It returns how many repeats arrived.
func (h *Hooks) CheckArrivals(t testing.TB, name string, due []Due) (repeats int) {
	t.Helper()
	at := make(map[string]int, len(due))
	for i, d := range due {
		at[d.ID] = i
	}
	seen := map[string]bool{}
	last := map[string]int{}
	var unknown, disorder int
	var example string
	for _, id := range h.Accepted() {
		i, ok := at[id]
		if !ok {
			unknown++
			continue
		}
		if seen[id] {
			repeats++
		}
		seen[id] = true
		r := due[i].Resource
		if p, ok := last[r]; r != "" && ok && p > i {
			disorder++
			example = fmt.Sprintf("%s got %s after %s", r, id, due[p].ID)
			continue
		}
		last[r] = i
	}
	missing := len(due) - len(seen)
	if missing > 0 || unknown > 0 || disorder > 0 {
		t.Errorf("%s: %d of %d events missing, %d unknown ids, %d arrivals out of order per resource (%s)",
			name, missing, len(due), unknown, disorder, example)
	}
	return repeats
}
