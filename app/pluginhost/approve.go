package pluginhost

import (
	"context"
	"fmt"
	"sort"
)

// File is one file an approval covers, with its SHA-256.
type File struct {
	Path   string
	SHA256 string
}

// Files lists the files of a plugin as they are now, with their digests:
// what an admin is asked to approve.
func (h *Host) Files(ctx context.Context, id string) ([]File, error) {
	f, _, err := h.lookup(id)
	if err != nil {
		return nil, err
	}
	if f.Err != nil {
		return nil, f.Err
	}
	sums, err := f.Manifest.Digests(f.Dir)
	if err != nil {
		return nil, err
	}
	out := make([]File, 0, len(sums))
	for p, s := range sums {
		out = append(out, File{Path: p, SHA256: s})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Approve records the digests of a plugin's files as they are now and
// starts it. sums, when given, are the digests the admin was shown: if
// the files changed since, nothing is approved.
func (h *Host) Approve(ctx context.Context, id string, sums map[string]string, by int64) error {
	f, _, err := h.lookup(id)
	if err != nil {
		return err
	}
	if f.Err != nil {
		return f.Err
	}
	now, err := f.Manifest.Digests(f.Dir)
	if err != nil {
		return err
	}
	for p, s := range sums {
		if now[p] != s {
			return fmt.Errorf("plugin %s: %s changed while you were reviewing it: review the files again", id, p)
		}
	}
	h.proc(id).halt()
	if err := h.opt.Store.ApprovePlugin(ctx, id, f.Manifest.Version, now, by); err != nil {
		return err
	}
	h.resetCrashes(id)
	h.record(id, 0, "approved", true, fmt.Sprintf("Version %s approved (%d files).", f.Manifest.Version, len(now)), "")
	h.proc(id).ensure(h)
	return nil
}

// Disable stops a plugin and keeps it from starting until enabled.
func (h *Host) Disable(ctx context.Context, id, reason string) error {
	if _, _, err := h.lookup(id); err != nil {
		return err
	}
	if err := h.opt.Store.SetPluginDisabled(ctx, id, true, reason); err != nil {
		return err
	}
	h.proc(id).halt()
	h.record(id, 0, "disabled", true, reason, "")
	return nil
}

// Enable lets a disabled plugin start again, with its crash count reset.
func (h *Host) Enable(ctx context.Context, id string) error {
	if _, _, err := h.lookup(id); err != nil {
		return err
	}
	if err := h.opt.Store.SetPluginDisabled(ctx, id, false, ""); err != nil {
		return err
	}
	h.resetCrashes(id)
	h.record(id, 0, "enabled", true, "Enabled.", "")
	h.proc(id).ensure(h)
	return nil
}

func (h *Host) resetCrashes(id string) {
	p := h.proc(id)
	p.mu.Lock()
	p.crashes, p.lastErr, p.tail = nil, "", ""
	p.mu.Unlock()
}
