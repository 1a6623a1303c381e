package pluginhost

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/portico-hub/portico/app/store"
)

// Options configures a Host. Zero durations take Mattermost's proven
// supervision numbers: a health check every 30 s, and a plugin that
// crashes 3 times within an hour is disabled.
type Options struct {
	// Dir is the plugins directory: one folder per plugin.
	Dir string
	// DataDir keeps each plugin's own files across restarts, in a folder
	// named by its id (a notifier's ledger of the messages it accepted,
	// which keeps a retry after a crash from sending twice); "" gives
	// plugins none.
	DataDir     string
	Store       *store.Store
	Log         *slog.Logger
	HostVersion string
	// NodePath runs plugins of runtime "node"; default "node" on PATH.
	NodePath     string
	HealthEvery  time.Duration
	CrashLimit   int
	CrashWindow  time.Duration
	Backoff      time.Duration // the first restart's delay, doubled after each crash
	StartTimeout time.Duration
	CallTimeout  time.Duration
	BatchTimeout time.Duration
	// Offline manages approvals and instances without ever running a
	// plugin, for the command line; the server starts them.
	Offline bool
}

func (o *Options) defaults() {
	o.HealthEvery = or(o.HealthEvery, 30*time.Second)
	o.CrashLimit = or(o.CrashLimit, 3)
	o.CrashWindow = or(o.CrashWindow, time.Hour)
	o.Backoff = or(o.Backoff, time.Second)
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Host supervises the plugins of one Portico process.
type Host struct {
	opt     Options
	sockets string
	ctx     context.Context
	stop    context.CancelFunc
	mu      sync.Mutex
	procs   map[string]*proc
	wg      sync.WaitGroup
}

// New returns a host for the plugins in opt.Dir; nothing starts until
// StartApproved or the first use of a plugin.
func New(opt Options) (*Host, error) {
	opt.defaults()
	// A short private root for the plugins' socket directories: Unix
	// socket paths are short, and the data directory may be deep.
	sockets, err := os.MkdirTemp("", "portico-plugins-")
	if err != nil {
		return nil, err
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Host{opt: opt, sockets: sockets, ctx: ctx, stop: stop, procs: map[string]*proc{}}, nil
}

// Close stops every plugin and waits for them to exit.
func (h *Host) Close() {
	h.stop()
	h.wg.Wait()
	h.mu.Lock()
	for _, p := range h.procs {
		p.kill()
	}
	h.mu.Unlock()
	os.RemoveAll(h.sockets)
}

// StartApproved starts every approved, enabled plugin in the background,
// so the admin page shows at once which run; a plugin that fails to start
// is recorded and never delays the caller.
func (h *Host) StartApproved(ctx context.Context) {
	list, err := h.List(ctx)
	if err != nil {
		h.opt.Log.Error("plugins: list", "err", err)
		return
	}
	for _, s := range list {
		if s.State == StateStopped {
			h.proc(s.ID).ensure(h)
		}
	}
}

// proc returns the supervisor record of a plugin, made on first use.
func (h *Host) proc(id string) *proc {
	h.mu.Lock()
	defer h.mu.Unlock()
	p, ok := h.procs[id]
	if !ok {
		p = &proc{id: id, configured: map[int64]int64{}}
		h.procs[id] = p
	}
	return p
}

// Dir is the plugins directory.
func (h *Host) Dir() string { return h.opt.Dir }
