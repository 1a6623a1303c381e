package sdktest

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// ServerBinary finds the program of a real server a plugin talks to
// (slapd, dovecot, bearerbox ...). Without it the test is skipped on a
// developer's machine, but fails in CI (CI set), which must install the
// Debian package pkg.
func ServerBinary(t testing.TB, name, pkg string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if p := filepath.Join("/usr/sbin", name); isFile(p) {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; CI must install the Debian package %s", name, pkg)
	}
	t.Skipf("%s is not installed: apt-get install %s to run this test against a real server", name, pkg)
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// FreePort returns a loopback port that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// WaitPort waits up to 15 seconds until something accepts connections on
// addr, failing at once when exited is closed (the server died), with
// its logs.
func WaitPort(t testing.TB, addr string, exited <-chan struct{}, logs func() string) {
	t.Helper()
	WaitPortWithin(t, addr, 15*time.Second, exited, logs)
}

// WaitPortWithin is WaitPort for a server that may take longer to listen,
// such as one that loads an interpreter first on a busy machine.
func WaitPortWithin(t testing.TB, addr string, within time.Duration, exited <-chan struct{}, logs func() string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		select {
		case <-exited:
			t.Fatalf("the server exited before listening on %s:\n%s", addr, logs())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("nothing listens on %s after %s:\n%s", addr, within, logs())
}

// Logs collects a server's output for a test to show when the server
// fails: the server's process writes it while the test may read it.
type Logs struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *Logs) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *Logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
