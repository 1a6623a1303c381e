package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Digests returns the SHA-256 (hex) of every file the manifest lists, and of
// plugin.json itself, keyed by path: what an admin approves.
func (m *Manifest) Digests(dir string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range append([]string{FileName}, m.Files...) {
		sum, err := fileSHA256(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("manifest: %w", err)
		}
		out[f] = sum
	}
	return out, nil
}

// Verify checks the folder against the approved digests and names every
// file that changed, appeared or vanished since the approval.
func (m *Manifest) Verify(dir string, approved map[string]string) error {
	if len(approved) == 0 {
		return fmt.Errorf("plugin %s is not approved: no file digests recorded", m.Label())
	}
	now, err := m.Digests(dir)
	if err != nil {
		return err
	}
	var bad []string
	for f, sum := range now {
		if approved[f] != sum {
			bad = append(bad, f)
		}
	}
	for f := range approved {
		if _, ok := now[f]; !ok {
			bad = append(bad, f)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("plugin %s needs re-approval: %v changed since it was approved", m.Label(), bad)
	}
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
