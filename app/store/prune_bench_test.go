package store_test

import (
	"context"
	"testing"
	"time"
)

// BenchmarkPruneEvents prunes 200,000 events fanned out more than the
// retention ago, as the hourly sweep finds them after a large import, and
// reports events deleted per second.
func BenchmarkPruneEvents(b *testing.B) {
	const n = 200_000
	ctx := context.Background()
	var pruned int64
	for b.Loop() {
		b.StopTimer()
		st, clk := openClocked(b)
		insertPeople(b, st, n)
		fanOut(b, st, n)
		clk.Advance(retention + time.Hour)
		b.StartTimer()
		got, err := st.PruneEvents(ctx, clk.Now().Add(-retention))
		if err != nil || got != n {
			b.Fatalf("pruned %d events, %v", got, err)
		}
		pruned += got
	}
	b.ReportMetric(float64(pruned)/b.Elapsed().Seconds(), "events/s")
}
