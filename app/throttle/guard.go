package throttle

import (
	"sync"
	"time"
)

const (
	// ipWindow is how long a client IP's failures count against it.
	ipWindow = time.Minute
	// addrWindow is how long an address's failures are remembered after
	// the last one.
	addrWindow = 15 * time.Minute
	// maxDelay caps the growing delay.
	maxDelay = 15 * time.Minute
)

// Guard decides whether a sign-in attempt may be checked. It keeps three
// counts of failures:
//
//   - per client IP: Max failures within a minute refuse that IP's
//     attempts until the oldest is a minute old;
//   - per address: after Max failures (from anyone, each within 15
//     minutes of the one before), the address is under attack, and
//     each further failure doubles a delay, from one second up to 15
//     minutes;
//   - per address and IP: while the address is under attack, a client
//     that failed on it must wait that delay after its last failure.
//
// A client that never failed on an address is always checked, so the
// owner signing in from another IP gets in whatever strangers typed, and
// guessers each get one try per delay. Unknown addresses are counted
// exactly like known ones, so the answers reveal nothing. The zero value
// is not usable: call New.
type Guard struct {
	max   int
	now   func() time.Time
	mu    sync.Mutex
	ips   map[string][]time.Time
	addrs map[string]*strikes
	pairs map[string]*strikes
	swept time.Time
}

// strikes are failures in a row and when the last one was.
type strikes struct {
	n    int
	last time.Time
}

// New returns a guard allowing max failures; now is its clock.
func New(max int, now func() time.Time) *Guard {
	return &Guard{max: max, now: now, ips: map[string][]time.Time{},
		addrs: map[string]*strikes{}, pairs: map[string]*strikes{}}
}

// Wait returns how long ip must wait before an attempt on addr is
// checked; zero means now.
func (g *Guard) Wait(ip, addr string) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	wait := time.Duration(0)
	if fails := g.recent(ip, now); len(fails) >= g.max {
		wait = fails[0].Add(ipWindow).Sub(now)
	}
	a, p := g.addrs[addr], g.pairs[pairKey(ip, addr)]
	if a != nil && p != nil && a.n >= g.max {
		wait = max(wait, p.last.Add(delay(a.n-g.max)).Sub(now))
	}
	return max(wait, 0)
}

// Failed records a wrong password typed for addr from ip.
func (g *Guard) Failed(ip, addr string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	g.ips[ip] = append(g.recent(ip, now), now)
	g.strike(g.addrs, addr, now)
	g.strike(g.pairs, pairKey(ip, addr), now)
	if now.Sub(g.swept) >= ipWindow {
		g.sweep(now)
	}
}

// Succeeded forgets ip's failures on addr: the owner got in from there.
func (g *Guard) Succeeded(ip, addr string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.pairs, pairKey(ip, addr))
}

func (g *Guard) strike(m map[string]*strikes, key string, now time.Time) {
	s := m[key]
	if s == nil || now.Sub(s.last) > addrWindow {
		s = &strikes{}
		m[key] = s
	}
	s.n++
	s.last = now
}

// recent is ip's failures within the last minute, oldest first.
func (g *Guard) recent(ip string, now time.Time) []time.Time {
	fails := g.ips[ip]
	for len(fails) > 0 && now.Sub(fails[0]) >= ipWindow {
		fails = fails[1:]
	}
	return fails
}

// sweep drops what no longer counts, so the memory used stays bounded
// by the failures of the last quarter of an hour.
func (g *Guard) sweep(now time.Time) {
	g.swept = now
	for ip := range g.ips {
		if len(g.recent(ip, now)) == 0 {
			delete(g.ips, ip)
		}
	}
	for _, m := range []map[string]*strikes{g.addrs, g.pairs} {
		for k, s := range m {
			if now.Sub(s.last) > max(addrWindow, maxDelay) {
				delete(m, k)
			}
		}
	}
}

// delay is one second doubled for each failure beyond the allowance,
// at most maxDelay.
func delay(beyond int) time.Duration {
	if beyond >= 10 {
		return maxDelay
	}
	return min(time.Second<<beyond, maxDelay)
}

func pairKey(ip, addr string) string { return ip + "\x00" + addr }
