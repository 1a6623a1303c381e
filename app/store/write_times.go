package store

import (
	"maps"
	"strings"
	"sync"
	"time"
)

// WriteTimes adds up the time a store spends on each part of its bulk
// inserts: building the rows, writing each table, writing the bulk
// events, and committing. It is for benchmarks, which set Store.Times to
// see where an import's time goes; a nil WriteTimes records nothing.
type WriteTimes struct {
	mu sync.Mutex
	m  map[string]time.Duration
}

// add records the time since start under part.
func (w *WriteTimes) add(part string, start time.Time) {
	if w == nil {
		return
	}
	d := time.Since(start)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.m == nil {
		w.m = map[string]time.Duration{}
	}
	w.m[part] += d
}

// Parts returns the time of each part so far.
func (w *WriteTimes) Parts() map[string]time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.m)
}

// tableOf names the table of an INSERT's head, "INSERT INTO t (...)".
func tableOf(head string) string {
	f := strings.Fields(head)
	if len(f) < 3 {
		return head
	}
	return f[2]
}
