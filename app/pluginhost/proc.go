package pluginhost

import (
	"sync"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/host"
)

// proc is what the host knows of one plugin's process over its restarts.
type proc struct {
	id          string
	mu          sync.Mutex
	running     *host.Plugin
	supervising bool
	stop        chan struct{}
	done        chan struct{} // closed when the supervisor returns
	// changed is closed, and replaced, whenever the state changes, so
	// callers waiting for the plugin wake up.
	changed    chan struct{}
	lastErr    string
	tail       string
	restarts   int
	crashes    []time.Time
	configured map[int64]int64 // instance id -> revision sent
	// configuring is held while an instance's configuration is sent, so
	// that callers using a new instance at once configure it once: a
	// second Configure would replace the first's instance (and whatever
	// it holds, such as a listening port) under calls already using it.
	configuring sync.Mutex
}

// ensure starts supervising the plugin unless it already is.
func (p *proc) ensure(h *Host) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.supervising || h.opt.Offline || h.ctx.Err() != nil {
		return
	}
	p.supervising, p.stop, p.done = true, make(chan struct{}), make(chan struct{})
	h.wg.Add(1)
	go h.supervise(p, p.stop, p.done)
	p.notify()
}

// halt stops supervising and waits until the supervisor has closed the
// process, so a new supervisor never overlaps the old one.
func (p *proc) halt() {
	p.mu.Lock()
	if !p.supervising {
		p.mu.Unlock()
		return
	}
	close(p.stop)
	done := p.done
	p.mu.Unlock()
	<-done
}

// notify wakes every waiter; the caller holds mu.
func (p *proc) notify() {
	if p.changed != nil {
		close(p.changed)
	}
	p.changed = make(chan struct{})
}

func (p *proc) up(pl *host.Plugin) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running, p.lastErr, p.tail = pl, "", ""
	clear(p.configured)
	p.notify()
}

// down records why the process is gone (err nil: stopped on purpose).
func (p *proc) down(err error, tail string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running = nil
	if err != nil {
		p.lastErr, p.tail = err.Error(), tail
	}
	p.notify()
}

// crash counts a crash at now and returns how many fell within window.
func (p *proc) crash(now time.Time, window time.Duration) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	kept := p.crashes[:0]
	for _, t := range p.crashes {
		if now.Sub(t) < window {
			kept = append(kept, t)
		}
	}
	p.crashes = append(kept, now)
	return len(p.crashes)
}

func (p *proc) stopped() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.supervising = false
	p.notify()
}

// kill closes the process, if any, at shutdown.
func (p *proc) kill() {
	p.mu.Lock()
	pl := p.running
	p.running = nil
	p.mu.Unlock()
	if pl != nil {
		pl.Close()
	}
}
