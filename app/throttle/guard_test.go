package throttle

import (
	"fmt"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }
func newGuard(max int) (*Guard, *clock) {
	c := &clock{time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	return New(max, c.now), c
}

// TestStrangersCannotLockTheOwnerOut fails an address many times from
// many IPs: each failing IP waits a growing delay, while an IP that
// never failed on it is still checked at once.
func TestStrangersCannotLockTheOwnerOut(t *testing.T) {
	g, _ := newGuard(3)
	for i := range 20 {
		ip := fmt.Sprintf("203.0.113.%d", i)
		if w := g.Wait(ip, "ann@example.com"); w != 0 {
			t.Fatalf("a new IP waits %s before its first try", w)
		}
		g.Failed(ip, "ann@example.com")
	}
	if w := g.Wait("198.51.100.1", "ann@example.com"); w != 0 {
		t.Fatalf("the owner, from a new IP, must wait %s", w)
	}
	if w := g.Wait("203.0.113.19", "ann@example.com"); w != maxDelay {
		t.Fatalf("a guesser after 20 failures waits %s, want %s", w, maxDelay)
	}
	if w := g.Wait("203.0.113.19", "bob@example.com"); w != 0 {
		t.Fatalf("another address is delayed by %s", w)
	}
}

// TestDelayGrowsWithEachFailure: below the allowance nothing waits;
// then 1 s, 2 s, 4 s after each failure, and a wait that has passed
// lets the client try again.
func TestDelayGrowsWithEachFailure(t *testing.T) {
	g, clk := newGuard(3)
	ip, addr := "203.0.113.5", "nobody@example.com"
	for range 2 {
		g.Failed(ip, addr)
	}
	if w := g.Wait(ip, addr); w != 0 {
		t.Fatalf("after 2 of 3 failures: wait %s", w)
	}
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		clk.add(time.Minute) // out of the per-IP window
		g.Failed(ip, addr)
		if w := g.Wait(ip, addr); w != want {
			t.Fatalf("wait %s, want %s", w, want)
		}
	}
	clk.add(4 * time.Second)
	if w := g.Wait(ip, addr); w != 0 {
		t.Fatalf("after the delay: wait %s", w)
	}
}

// TestPerIPLimit refuses an IP after max failures in a minute, on any
// address, until the oldest is a minute old.
func TestPerIPLimit(t *testing.T) {
	g, clk := newGuard(3)
	ip := "203.0.113.9"
	for i := range 3 {
		g.Failed(ip, fmt.Sprintf("a%d@example.com", i))
		clk.add(10 * time.Second)
	}
	if w := g.Wait(ip, "z@example.com"); w != 30*time.Second {
		t.Fatalf("wait %s, want 30s", w)
	}
	if w := g.Wait("203.0.113.10", "z@example.com"); w != 0 {
		t.Fatalf("another IP waits %s", w)
	}
	clk.add(30 * time.Second)
	if w := g.Wait(ip, "z@example.com"); w != 0 {
		t.Fatalf("a minute later: wait %s", w)
	}
}

// TestSuccessClearsTheClientsFailures: signing in from an IP forgets
// that IP's failures on the address, and only those.
func TestSuccessClearsTheClientsFailures(t *testing.T) {
	g, _ := newGuard(3)
	for _, ip := range []string{"203.0.113.1", "203.0.113.2", "203.0.113.1", "203.0.113.2"} {
		g.Failed(ip, "ann@example.com")
	}
	g.Succeeded("203.0.113.1", "ann@example.com")
	if w := g.Wait("203.0.113.1", "ann@example.com"); w != 0 {
		t.Fatalf("after signing in: wait %s", w)
	}
	if w := g.Wait("203.0.113.2", "ann@example.com"); w == 0 {
		t.Fatal("the other failing IP is no longer delayed")
	}
}

// TestSweepForgetsOldFailures keeps memory bounded: what no longer
// counts is dropped.
func TestSweepForgetsOldFailures(t *testing.T) {
	g, clk := newGuard(2)
	for i := range 100 {
		g.Failed(fmt.Sprintf("203.0.113.%d", i), fmt.Sprintf("u%d@example.com", i))
	}
	clk.add(maxDelay + time.Minute + time.Second)
	g.Failed("198.51.100.1", "ann@example.com")
	if len(g.ips) != 1 || len(g.addrs) != 1 || len(g.pairs) != 1 {
		t.Fatalf("after sweeping: %d IPs, %d addresses, %d pairs", len(g.ips), len(g.addrs), len(g.pairs))
	}
}
