package store_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/store"
)

// BenchmarkInsertContacts inserts batches of ten thousand generated
// contacts into one growing database and reports contacts per second.
func BenchmarkInsertContacts(b *testing.B) {
	st, _ := open(b)
	ctx := context.Background()
	people := demo.NewPeople(1, nil)
	batch := make([]store.NewContact, 10000)
	n := 0
	for b.Loop() {
		b.StopTimer()
		for i := range batch {
			batch[i] = people.Next()
		}
		b.StartTimer()
		if _, err := st.InsertContacts(ctx, ann, batch); err != nil {
			b.Fatal(err)
		}
		n += len(batch)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "contacts/s")
}
