package storetest

import (
	"context"
	"math"
	"testing"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/store"
)

// Due lists every stored event in commit order, each entry of a bulk
// batch as its own event: what an endpoint subscribed to every type must
// receive, to check a testkit.Hooks against.
func Due(t testing.TB, st *store.Store) []testkit.Due {
	t.Helper()
	evs, err := st.EventsAfter(context.Background(), 0, math.MaxInt32)
	if err != nil {
		t.Fatal(err)
	}
	due := make([]testkit.Due, len(evs))
	for i, ev := range evs {
		due[i] = testkit.Due{ID: ev.ID, Resource: ev.Resource}
	}
	return due
}
