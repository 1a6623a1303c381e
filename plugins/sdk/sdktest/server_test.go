package sdktest

import (
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// fatal records the failure of a helper instead of failing the test.
type fatal struct {
	testing.TB
	msg string
}

func (f *fatal) Helper() {}

func (f *fatal) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// failure runs fn with a recorder and returns what it failed with.
func failure(t *testing.T, fn func(tb testing.TB)) string {
	f := &fatal{TB: t}
	done := make(chan struct{})
	go func() { defer close(done); fn(f) }()
	<-done
	return f.msg
}

func TestWaitPortWithinWaitsForALateServer(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	go func() {
		time.Sleep(300 * time.Millisecond)
		if l, err := net.Listen("tcp", addr); err == nil {
			t.Cleanup(func() { l.Close() })
		}
	}()
	if msg := failure(t, func(tb testing.TB) { WaitPortWithin(tb, addr, 10*time.Second, nil, (&Logs{}).String) }); msg != "" {
		t.Fatalf("a server listening after 300ms: %s", msg)
	}
}

func TestWaitPortWithinGivesUpWithTheLogs(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	logs := &Logs{}
	fmt.Fprint(logs, "still loading")
	msg := failure(t, func(tb testing.TB) { WaitPortWithin(tb, addr, 400*time.Millisecond, nil, logs.String) })
	if !strings.Contains(msg, "nothing listens on "+addr+" after 400ms") || !strings.Contains(msg, "still loading") {
		t.Errorf("failed with %q, want the address, the wait and the logs", msg)
	}
	exited := make(chan struct{})
	close(exited)
	msg = failure(t, func(tb testing.TB) { WaitPortWithin(tb, addr, time.Minute, exited, logs.String) })
	if !strings.Contains(msg, "exited before listening") || !strings.Contains(msg, "still loading") {
		t.Errorf("a dead server: failed with %q, want it said at once with the logs", msg)
	}
}

// TestLogsTakeWritesWhileRead is for -race: a server's process writes
// its output while the test reads it.
func TestLogsTakeWritesWhileRead(t *testing.T) {
	logs := &Logs{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				fmt.Fprint(logs, "x")
				_ = logs.String()
			}
		})
	}
	wg.Wait()
	if n := len(logs.String()); n != 400 {
		t.Errorf("%d bytes, want 400", n)
	}
}
