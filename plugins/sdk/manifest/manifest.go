package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// FileName is the manifest's name inside a plugin folder.
const FileName = "plugin.json"

// Runtimes a manifest may name.
const (
	RuntimeNative = "native" // an executable file
	RuntimeNode   = "node"   // a JavaScript file run by Node.js
)

// Manifest is plugin.json.
type Manifest struct {
	ID               string          `json:"id"`
	Name             string          `json:"name"`
	Version          string          `json:"version"`
	Description      string          `json:"description,omitempty"`
	Kinds            []string        `json:"kinds"`
	ProtocolVersions []int           `json:"protocol_versions"`
	Runtime          string          `json:"runtime"`
	Entrypoint       string          `json:"entrypoint"`
	Files            []string        `json:"files"`
	ConfigSchema     json.RawMessage `json:"config_schema,omitempty"`
	Author           Author          `json:"author"`
}

// Author says who wrote a plugin and where to reach them.
type Author struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Load reads and checks dir/plugin.json.
func Load(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return Parse(data)
}

// Parse decodes and checks a manifest; unknown fields are errors, so a
// misspelt key is reported instead of ignored.
func Parse(data []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("manifest: %s: %w", FileName, err)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("manifest: %s: %w", FileName, err)
	}
	return &m, nil
}

// Label names the plugin in messages, e.g. "hello-go 0.1.0".
func (m *Manifest) Label() string { return m.ID + " " + m.Version }
