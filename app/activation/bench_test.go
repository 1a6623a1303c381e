package activation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// BenchmarkBulkActivation10k sends the activation email to 10,000
// unverified contacts through the bulk job: a token issued and an email
// composed and queued for each, in batches. It reports activations/s.
func BenchmarkBulkActivation10k(b *testing.B) {
	const n = 10000
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		e := newEnv(b)
		e.st.Now = func() time.Time { return time.Now().UTC() }
		in := make([]store.NewContact, n)
		for i := range in {
			in[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Person %05d", i)},
				Emails: []string{fmt.Sprintf("person%05d@example.com", i)}}
		}
		if _, err := e.st.InsertContacts(ctx, ann, in); err != nil {
			b.Fatal(err)
		}
		e.runJobs()
		b.StartTimer()
		start := time.Now()
		id, err := e.svc.StartBulk(ctx, ann, activation.Selection{All: true, Query: model.ContactQuery{View: model.StateUnverified}}, false)
		if err != nil {
			b.Fatal(err)
		}
		p := activation.ProgressOf(e.waitJob(id))
		b.StopTimer()
		if p.Sent != n {
			b.Fatalf("sent %d of %d", p.Sent, n)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "activations/s")
	}
}
