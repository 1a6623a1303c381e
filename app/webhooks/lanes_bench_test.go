package webhooks_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/store"
)

// drainReceiver counts an endpoint's deliveries and notes when each
// contact.verified arrived.
type drainReceiver struct {
	n        atomic.Int64
	mu       sync.Mutex
	verified map[int64]time.Time
}

func newDrainReceiver(b *testing.B) (*drainReceiver, string) {
	d := &drainReceiver{verified: map[int64]time.Time{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		body, _ := io.ReadAll(r.Body)
		d.n.Add(1)
		var env struct {
			Type string `json:"type"`
			Data struct {
				Contact struct {
					ID int64 `json:"id"`
				} `json:"contact"`
			} `json:"data"`
		}
		if json.Unmarshal(body, &env) == nil && env.Type == "contact.verified" {
			d.mu.Lock()
			d.verified[env.Data.Contact.ID] = now
			d.mu.Unlock()
		}
	}))
	b.Cleanup(srv.Close)
	return d, srv.URL
}

func (d *drainReceiver) arrived(id int64) (time.Time, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	at, ok := d.verified[id]
	return at, ok
}

// BenchmarkVerifiedDuringBulkDrain imports contacts as an import does
// (PORTICO_BENCH_ROWS, default 100,000, one bulk batch per 2,000), with
// two endpoints subscribed to every event, after 100 contacts made by
// hand; once the drain is under way it verifies those 100 one by one and
// reports each contact.verified's time from commit to arrival at both
// endpoints, and the drain's deliveries per second and processor time
// per delivery. Run it alone, with
// PORTICO_BENCH_ROWS=1000000 for the million-row figures:
//
//	go test -tags sqlite_fts5 -run '^$' -bench VerifiedDuringBulkDrain -benchtime 1x -timeout 60m ./app/webhooks
func BenchmarkVerifiedDuringBulkDrain(b *testing.B) {
	rows := 100_000
	if v, err := strconv.Atoi(os.Getenv("PORTICO_BENCH_ROWS")); err == nil {
		rows = v
	}
	for range b.N {
		e := newEnv(b, loopback)
		var recv []*drainReceiver
		for range 2 {
			d, url := newDrainReceiver(b)
			e.endpoint(b, url)
			recv = append(recv, d)
		}
		var ids []int64
		for i := range 100 {
			ids = append(ids, e.contact(b, "Verifier "+strconv.Itoa(i), "verifier"+strconv.Itoa(i)+"@example.com"))
		}
		people := demo.NewPeople(1, nil)
		for done := 0; done < rows; done += 2000 {
			batch := make([]store.NewContact, min(2000, rows-done))
			for i := range batch {
				batch[i] = people.Next()
			}
			if _, err := e.st.InsertContacts(context.Background(), ann, batch); err != nil {
				b.Fatal(err)
			}
		}
		total := func() int64 { return recv[0].n.Load() + recv[1].n.Load() }
		b.ResetTimer()
		start, cpu := time.Now(), cpuTime()
		e.start(b)
		waitFor(b, "the drain to start", func() bool { return total() >= 1000 })
		var lat []time.Duration
		for _, id := range ids {
			if err := e.st.SetContactPassword(context.Background(), ann, id, "x", nil, true); err != nil {
				b.Fatal(err)
			}
			committed := time.Now()
			for _, d := range recv {
				waitFor(b, "contact.verified", func() bool { _, ok := d.arrived(id); return ok })
				at, _ := d.arrived(id)
				lat = append(lat, at.Sub(committed))
			}
		}
		left := total()
		for total() < int64(2*rows+400) {
			time.Sleep(50 * time.Millisecond)
		}
		secs := time.Since(start).Seconds()
		b.StopTimer()
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "verified-p50-ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "verified-p99-ms")
		b.ReportMetric(float64(2*rows+400)/secs, "drain-deliveries/s")
		// Processor time per delivery (senders and receivers together)
		// tells the capacity apart from how busy the machine was.
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(2*rows+400), "cpu-µs/delivery")
		b.ReportMetric(float64(2*rows+400-int(left)), "left-when-verifying")
	}
}
