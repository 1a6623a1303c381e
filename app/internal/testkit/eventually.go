package testkit

import (
	"testing"
	"time"
)

// Eventually calls cond until it returns true, and fails the test with
// the message (a fmt format and its arguments) once timeout has passed.
// Background work (jobs, workers, deliveries) finishes in its own time;
// polling for its effect keeps tests free of fixed sleeps that are too
// short on a busy machine and too long on an idle one.
func Eventually(t testing.TB, timeout time.Duration, cond func() bool, format string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; !cond(); wait = min(2*wait, 50*time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: "+format, append([]any{timeout}, args...)...)
		}
		time.Sleep(wait)
	}
}
