package pluginhost

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/portico-hub/portico/plugins/sdk/manifest"
)

// Found is one folder of the plugins directory: its manifest, or why it
// could not be read.
type Found struct {
	Dir      string
	Manifest *manifest.Manifest
	Err      error
}

// ID names the plugin: its manifest's id, or its folder's name when the
// manifest is unreadable.
func (f Found) ID() string {
	if f.Manifest != nil {
		return f.Manifest.ID
	}
	return filepath.Base(f.Dir)
}

// discover reads every folder of dir that holds a plugin.json. A missing
// directory has no plugins. Two folders claiming one id are both refused.
func discover(dir string) ([]Found, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pluginhost: read plugins directory: %w", err)
	}
	var out []Found
	seen := map[string]int{}
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(sub, manifest.FileName)); !e.IsDir() || err != nil {
			continue
		}
		m, err := manifest.Load(sub)
		f := Found{Dir: sub, Manifest: m, Err: err}
		if prev, ok := seen[f.ID()]; ok {
			f.Err = fmt.Errorf("folder %s declares id %q, as %s does: rename one", e.Name(), f.ID(), filepath.Base(out[prev].Dir))
			out[prev].Err = f.Err
		}
		seen[f.ID()] = len(out)
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID() < out[j].ID() })
	return out, nil
}
