package webhooks_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"
)

// arrivals is a receiver that notes when each contact's event arrived.
type arrivals struct {
	mu sync.Mutex
	at map[int64]time.Time
}

func newArrivals(b *testing.B) (*arrivals, string) {
	a := &arrivals{at: map[int64]time.Time{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		var env struct {
			Data struct {
				Contact struct {
					ID int64 `json:"id"`
				} `json:"contact"`
			} `json:"data"`
		}
		body, _ := io.ReadAll(r.Body)
		json.Unmarshal(body, &env)
		a.mu.Lock()
		if _, ok := a.at[env.Data.Contact.ID]; !ok {
			a.at[env.Data.Contact.ID] = now
		}
		a.mu.Unlock()
	}))
	b.Cleanup(srv.Close)
	return a, srv.URL
}

func (a *arrivals) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.at)
}

// BenchmarkDeliveryThroughput sends a backlog of b.N events to a local
// receiver and reports deliveries per second.
func BenchmarkDeliveryThroughput(b *testing.B) {
	e := newEnv(b, loopback)
	a, url := newArrivals(b)
	e.endpoint(b, url)
	for i := range b.N {
		e.contact(b, fmt.Sprintf("Contact %d", i), fmt.Sprintf("c%d@example.com", i))
	}
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	e.start(b)
	waitFor(b, "every delivery", func() bool { return a.count() == b.N })
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "deliveries/s")
	// CPU per delivery (sender and receiver together) tells the capacity
	// apart from how busy the machine was.
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/delivery")
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCommitToDelivery creates b.N contacts one after another while
// the worker runs, and reports the time from each commit to its
// webhook's arrival at a healthy local receiver.
func BenchmarkCommitToDelivery(b *testing.B) {
	e := newEnv(b, loopback)
	a, url := newArrivals(b)
	e.endpoint(b, url)
	e.start(b)
	committed := make(map[int64]time.Time, b.N)
	start := time.Now()
	for i := range b.N {
		id := e.contact(b, fmt.Sprintf("Contact %d", i), fmt.Sprintf("c%d@example.com", i))
		committed[id] = time.Now()
	}
	waitFor(b, "every delivery", func() bool { return a.count() == b.N })
	elapsed := time.Since(start)
	lat := make([]time.Duration, 0, b.N)
	a.mu.Lock()
	for id, at := range committed {
		lat = append(lat, a.at[id].Sub(at))
	}
	a.mu.Unlock()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "events/s")
}
